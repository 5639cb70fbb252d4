#!/usr/bin/env python3
"""Iterates and counts of SciPy's Newton-CG (jac=True, a hand-written hessp) on Rosenbrock and on
the chained Rosenbrock with 10 variables, for optim.NewtonCgTest. xtol is tiny so that SciPy does
not stop on the step size before the iterations recorded here.
Usage: python3 bench/newton_cg_oracle.py
"""
import numpy as np
import scipy
from scipy.optimize import minimize


def chained(n):
    def fg(x):
        p = x[1:] - x[:-1] ** 2
        q = 1 - x[:-1]
        g = np.zeros_like(x)
        g[:-1] += -400 * x[:-1] * p - 2 * q
        g[1:] += 200 * p
        return float(np.sum(100 * p * p + q * q)), g

    def hessp(x, v):
        d = np.zeros_like(x)
        d[:-1] += 1200 * x[:-1] ** 2 - 400 * x[1:] + 2
        d[1:] += 200
        o = -400 * x[:-1]
        out = d * v
        out[:-1] += o * v[1:]
        out[1:] += o * v[:-1]
        return out
    return fg, hessp


print(f"// SciPy {scipy.__version__}: per iteration k (1-based): evaluations, hessp calls, x")
for n, iters in ((2, 12), (10, 12)):
    fg, hessp = chained(n)
    counts = {"f": 0, "h": 0}

    def fun(x):
        counts["f"] += 1
        return fg(x)

    def hp(x, v):
        counts["h"] += 1
        return hessp(x, v)
    rows = []

    def callback(intermediate_result):
        rows.append((counts["f"], counts["h"], intermediate_result.x.copy()))
    x0 = np.array([-1.2, 1.0] * (n // 2))
    minimize(fun, x0, jac=True, hessp=hp, method="Newton-CG", callback=callback,
             options={"xtol": 1e-300, "maxiter": iters})
    print(f"// chained Rosenbrock, n = {n}")
    for f, h, x in rows:
        print("{" + f"{f}, {h}, " + ", ".join(repr(float(v)) for v in x) + "},")
