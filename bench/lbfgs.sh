#!/usr/bin/env bash
# lbfgs() on the separable extended Rosenbrock with 10^6 variables from (-1.2, 1, -1.2, 1, ...)
# to gnorm <= 1e-5, with the default path recording, as whole processes side by side in rounds:
# `./gradus bench/lbfgs.opt` against SciPy's minimize(method="L-BFGS-B", jac=True) with a
# NumPy-vectorised gradient, same start, gtol=1e-5 (L-BFGS-B's projected-gradient infinity norm,
# which is the gradient's without bounds), its other options at their defaults.
# Prints the best wall time of each, the ratio (target <= 0.5) and what the last runs did.
# Usage: bash bench/lbfgs.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
py=${PYTHON:-python3}   # PYTHON=/usr/bin/python3 compares with Debian's SciPy instead
./gradus -e 'print(1)' >/dev/null
cat > target/lbfgs_scipy.py <<'PY'
import time
import numpy as np
from scipy.optimize import minimize
t0 = time.perf_counter()
n = 10**6
def fg(x):
    a, b = x[0::2], x[1::2]
    p, q = b - a * a, 1 - a
    g = np.empty_like(x)
    g[0::2] = -400 * a * p - 2 * q
    g[1::2] = 200 * p
    return float(np.sum(100 * p * p + q * q)), g
x0 = np.tile([-1.2, 1.0], n // 2)
t1 = time.perf_counter()
r = minimize(fg, x0, jac=True, method="L-BFGS-B", options={"gtol": 1e-5})
t2 = time.perf_counter()
print(f"minimize {t2 - t1:.3f} s, {r.nit} iterations, {r.nfev} evaluations, "
      f"gnorm {np.abs(r.jac).max():.3g}, f {r.fun:.3g}")
PY
now() { date +%s.%N; }
g=(); s=(); ginfo=""; sinfo=""
for r in $(seq "$rounds"); do
  t0=$(now); ginfo=$(./gradus bench/lbfgs.opt); t1=$(now)
  sinfo=$($py target/lbfgs_scipy.py); t2=$(now)
  g+=("$(echo "$t1 - $t0" | bc)"); s+=("$(echo "$t2 - $t1" | bc)")
done
G=$(printf '%s\n' "${g[@]}" | sort -g | head -1); S=$(printf '%s\n' "${s[@]}" | sort -g | head -1)
echo "scipy $($py -c 'import scipy; print(scipy.__version__)') L-BFGS-B (baseline): whole process $(printf '%.2f' "$S") s  (rounds: $(printf '%.2f ' "${s[@]}"))"
echo "  last round: $sinfo"
echo "gradus lbfgs(): whole process $(printf '%.2f' "$G") s  (rounds: $(printf '%.2f ' "${g[@]}"))"
echo "  last round: $ginfo"
awk -v g="$G" -v s="$S" 'BEGIN { printf "ratio gradus/scipy: %.2f (target <= 0.5)\n", g / s }'
