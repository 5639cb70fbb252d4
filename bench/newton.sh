#!/usr/bin/env bash
# newton() on the chained Rosenbrock with 1000 variables from (-1.2, 1, -1.2, ...), steps=5000:
# ms per iteration and whether it converged (target: < 10 ms per iteration, converged), through
# the language (bench/newton.opt) and for the optimizer core on a hand-written objective with a
# tridiagonal SparseHessian (gradus.bench.OptimCore). The language factors sparsely only once the
# engine gives functions sparse Hessians; a 20-iteration probe tells, and a dense language run is
# not carried to convergence (it takes minutes). For context, SciPy's closest method on the same
# problem, Newton-CG with the Hessian as a scipy.sparse matrix, in the same rounds.
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
probe=$(sed 's/steps=5000/steps=20/' bench/newton.opt | ./gradus /dev/stdin)
probe_ms=$(echo "$probe" | awk '{print $2}')
full=$(awk -v ms="$probe_ms" 'BEGIN { print (ms < 10) ? "yes" : "no" }')
lang=(); core=(); scipy=()
for r in $(seq "$rounds"); do
  [ "$full" = yes ] && lang+=("$(./gradus bench/newton.opt)")
  core+=("$("${CORE[@]}" newton 1)")
  scipy+=("$($py target/newton_scipy.py)")
done
bestms() { awk '{print $2, $0}' | sort -g | head -1 | cut -d' ' -f2-; }
C=$(printf '%s\n' "${core[@]}" | bestms)
echo "target: < 10 ms per iteration, converged"
echo "scipy Newton-CG, sparse Hessian (context): $(printf '%s\n' "${scipy[@]}" | awk '{print $1, $0}' | sort -g | head -1 | cut -d' ' -f2-)"
echo "gradus core, hand-written SparseHessian:    $C"
if [ "$full" = yes ]; then
  L=$(printf '%s\n' "${lang[@]}" | bestms)
  echo "gradus language, bench/newton.opt:          $L"
else
  echo "gradus language, bench/newton.opt:          $probe_ms ms per iteration over a 20-step probe:"
  echo "  the language's Hessian is dense until the engine gives sparse Hessians; no full run"
  L=$C
fi
echo "$C" | awk '{ printf "ratio core/target: %.3f\n", $2 / 10 }'
[ "$full" = yes ] && echo "$L" | awk '{ printf "ratio language/target: %.3f\n", $2 / 10 }' || true
