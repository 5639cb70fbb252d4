#!/usr/bin/env bash
# newton() on the chained Rosenbrock with 1000 variables from (-1.2, 1, -1.2, ...), steps=5000:
# ms per iteration and whether it converged (target: < 10 ms per iteration, converged), through
# the language (bench/newton.opt: the engine's compiled sparse Hessian, factored by EJML's sparse
# Cholesky), side by side in rounds with the optimizer core on a hand-written objective with a
# tridiagonal SparseHessian (gradus.bench.OptimCore, the same method on hand-written Hessian
# values: the gap between the two is the cost of the compiled Hessian and gradient) and, for
# context, SciPy's closest method on the same problem, Newton-CG with the Hessian as a
# scipy.sparse matrix.
# Usage: bash bench/newton.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
py=${PYTHON:-python3}
source bench/core.sh
./gradus -e 'print(1)' >/dev/null
cat > target/newton_scipy.py <<'PY'
import time
import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize
n = 1000
def fg(x):
    p, q = x[1:] - x[:-1] ** 2, 1 - x[:-1]
    g = np.zeros_like(x)
    g[:-1] += -400 * x[:-1] * p - 2 * q
    g[1:] += 200 * p
    return float(np.sum(100 * p * p + q * q)), g
def hess(x):
    d = np.zeros_like(x)
    d[:-1] += 1200 * x[:-1] ** 2 - 400 * x[1:] + 2
    d[1:] += 200
    o = -400 * x[:-1]
    return sp.diags([o, d, o], [-1, 0, 1], format="csr")
t = time.perf_counter()
r = minimize(fg, np.tile([-1.2, 1.0], n // 2), jac=True, hess=hess, method="Newton-CG",
             options={"maxiter": 5000})
t = time.perf_counter() - t
print(f"{1000 * t / r.nit:.3f} ms per iteration, {r.nit} iterations, f {r.fun:.6g}")
PY
lang=(); core=(); scipy=()
for r in $(seq "$rounds"); do
  lang+=("$(./gradus bench/newton.opt)")
  core+=("$("${CORE[@]}" newton 1)")
  scipy+=("$($py target/newton_scipy.py)")
done
bestms() { awk '{print $2, $0}' | sort -g | head -1 | cut -d' ' -f2-; }
L=$(printf '%s\n' "${lang[@]}" | bestms)
C=$(printf '%s\n' "${core[@]}" | bestms)
echo "target: < 10 ms per iteration, converged"
echo "scipy Newton-CG, sparse Hessian (context): $(printf '%s\n' "${scipy[@]}" | awk '{print $1, $0}' | sort -g | head -1 | cut -d' ' -f2-)"
echo "gradus core, hand-written SparseHessian:    $C"
echo "gradus language, bench/newton.opt:          $L"
echo "  (language rounds, ms per iteration: $(printf '%s\n' "${lang[@]}" | awk '{printf "%.3f ", $2}'))"
echo "$L" | awk '{ printf "ratio language/target: %.3f (%s)\n", $2 / 10, $1 }'
awk -v l="$(echo "$L" | awk '{print $2}')" -v c="$(echo "$C" | awk '{print $2}')" \
  'BEGIN { printf "ratio language/core: %.2f\n", l / c }'
