#!/usr/bin/env bash
# newton_cg() on the separable extended Rosenbrock with 10^6 variables from (-1.2, 1, ...) to
# gnorm <= 1e-5, as whole processes side by side in rounds: `./gradus bench/newton_cg.opt` against
# SciPy's minimize(method="Newton-CG", jac=True) with a NumPy-vectorised hessp, same start, the same
# stopping rule (SciPy's Newton-CG stops on its step size, so its xtol is tiny and a callback ends
# it at the first iterate whose gradient's infinity norm is <= 1e-5; the gradient is the one its
# line search already computed there). Gradus needs the engine's Hessian-vector products at this
# size; until the language has them, the script says so and times the optimizer core on a
# hand-written objective (gradus.bench.OptimCore) in its place.
# Prints the best wall time of each and the ratio (target <= 0.5).
# Usage: bash bench/newton_cg.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
py=${PYTHON:-python3}
./gradus -e 'print(1)' >/dev/null
cat > target/newton_cg_scipy.py <<'PY'
import time
import numpy as np
from scipy.optimize import minimize
t0 = time.perf_counter()
n = 10**6
last = {}
def fg(x):
    a, b = x[0::2], x[1::2]
    p, q = b - a * a, 1 - a
    g = np.empty_like(x)
    g[0::2] = -400 * a * p - 2 * q
    g[1::2] = 200 * p
    last["x"], last["g"] = x.copy(), g
    return float(np.sum(100 * p * p + q * q)), g
hcalls = [0]
def hessp(x, v):
    hcalls[0] += 1
    a, b = x[0::2], x[1::2]
    d = 1200 * a * a - 400 * b + 2
    o = -400 * a
    out = np.empty_like(v)
    out[0::2] = d * v[0::2] + o * v[1::2]
    out[1::2] = o * v[0::2] + 200 * v[1::2]
    return out
def done(intermediate_result):
    x = intermediate_result.x
    g = last["g"] if np.array_equal(last["x"], x) else fg(x)[1]
    if np.abs(g).max() <= 1e-5:
        raise StopIteration
x0 = np.tile([-1.2, 1.0], n // 2)
t1 = time.perf_counter()
r = minimize(fg, x0, jac=True, hessp=hessp, method="Newton-CG", callback=done,
             options={"xtol": 1e-300})
t2 = time.perf_counter()
print(f"minimize {t2 - t1:.3f} s, {r.nit} iterations, {r.nfev} evaluations, {hcalls[0]} hessp "
      f"calls, gnorm {np.abs(last['g']).max():.3g}")
PY
now() { date +%s.%N; }
mode=language
if ! out=$(./gradus bench/newton_cg.opt 2>&1); then
  echo "the language cannot run it yet: $(echo "$out" | head -1)"
  echo "timing the optimizer core on a hand-written objective with H*v instead"
  mode=core
  source bench/core.sh
fi
g=(); s=(); ginfo=""; sinfo=""
for r in $(seq "$rounds"); do
  t0=$(now)
  if [ $mode = language ]; then ginfo=$(./gradus bench/newton_cg.opt); else ginfo=$("${CORE[@]}" newton_cg 1); fi
  t1=$(now); sinfo=$($py target/newton_cg_scipy.py); t2=$(now)
  g+=("$(echo "$t1 - $t0" | bc)"); s+=("$(echo "$t2 - $t1" | bc)")
done
G=$(printf '%s\n' "${g[@]}" | sort -g | head -1); S=$(printf '%s\n' "${s[@]}" | sort -g | head -1)
echo "scipy $($py -c 'import scipy; print(scipy.__version__)') Newton-CG (baseline): whole process $(printf '%.2f' "$S") s  (rounds: $(printf '%.2f ' "${s[@]}"))"
echo "  last round: $sinfo"
echo "gradus newton_cg() ($mode): whole process $(printf '%.2f' "$G") s  (rounds: $(printf '%.2f ' "${g[@]}"))"
echo "  last round: $ginfo"
awk -v g="$G" -v s="$S" 'BEGIN { printf "ratio gradus/scipy: %.2f (target <= 0.5)\n", g / s }'
