#!/usr/bin/env bash
# The global searches on the Eggholder function over [-512, 512]², each in a fresh process (so the
# time includes start-up, compilation and JIT warm-up, as a user's first call does), next to
# SciPy doing the same work in the same run: 100 L-BFGS-B runs from RandomState(0) starts (exact
# gradient) and differential_evolution(seed=0). Prints each time, the value found, and the ratio.
# Usage: bash bench/eggholder.sh
set -euo pipefail
cd "$(dirname "$0")/.."
egg='egg(x, y) = -(y + 47)*sin(sqrt(abs(x/2 + y + 47))) - x*sin(sqrt(abs(x - (y + 47))))'
ms=$(./gradus -e "$egg" -e 't = clock()' -e 'r = multistart(egg, bounds=[-512, 512], n=100, seed=0)' \
  -e 'print(clock() - t, r.f, r.evaluations)')
de=$(./gradus -e "$egg" -e 't = clock()' -e 'r = differential_evolution(egg, bounds=[-512, 512], seed=0)' \
  -e 'print(clock() - t, r.f, r.evaluations)')
python3 - "$ms" "$de" <<'PY'
import sys, time
import numpy as np
from scipy.optimize import minimize, differential_evolution
sys.path.insert(0, "bench")
from lbfgsb_scipy import eggholder as egg  # value and exact gradient

box = [(-512, 512)] * 2
t0 = time.perf_counter()
starts = np.random.RandomState(0).uniform([-512, -512], [512, 512], size=(100, 2))
runs = [minimize(egg, s, jac=True, method="L-BFGS-B", bounds=box, options={"gtol": 1e-6, "ftol": 0}) for s in starts]
ms_t = time.perf_counter() - t0
ms_f = min(r.fun for r in runs)
t0 = time.perf_counter()
d = differential_evolution(lambda p: egg(p)[0], box, seed=0)
de_t = time.perf_counter() - t0
for name, g, st, sf in (("multistart n=100", sys.argv[1], ms_t, ms_f), ("differential_evolution", sys.argv[2], de_t, d.fun)):
    gt, gf, ge = g.split()
    print(f"{name:24s} gradus {float(gt):6.3f} s (f = {gf}, {ge} evaluations, cold process)   "
          f"scipy {st:6.3f} s (f = {float(sf)!r})   gradus/scipy = {float(gt) / st:.2f}")
PY
