#!/usr/bin/env python3
"""Steps and evaluation counts of SciPy's DCSRCH (MINPACK-2's Moré–Thuente line search, ported
to Python in scipy.optimize._dcsrch) on the test functions of Moré & Thuente (1994), Section 5,
for optim.MoreThuenteTest. Usage: python3 bench/dcsrch_oracle.py
"""
import math
import scipy
from scipy.optimize._dcsrch import DCSRCH


def f1(a, b=2.0):
    return -a / (a * a + b), (a * a - b) / (a * a + b) ** 2


def f2(a, b=0.004):
    return (a + b) ** 5 - 2 * (a + b) ** 4, 5 * (a + b) ** 4 - 8 * (a + b) ** 3


def f3(a, b=0.01, l=39):
    if a <= 1 - b:
        p0, d0 = 1 - a, -1.0
    elif a >= 1 + b:
        p0, d0 = a - 1, 1.0
    else:
        p0, d0 = (a - 1) ** 2 / (2 * b) + b / 2, (a - 1) / b
    c = 2 * (1 - b) / (l * math.pi)
    return p0 + c * math.sin(l * math.pi * a / 2), d0 + c * (l * math.pi / 2) * math.cos(l * math.pi * a / 2)


CASES = [("f1", f1, 1e-3, 0.1), ("f2", f2, 0.1, 0.1), ("f3", f3, 0.1, 0.1)]

print(f"SciPy {scipy.__version__}, xtol=1e-10, steps in [0, 1e10]: {{name, start step, last step"
      ", evaluations}  // how DCSRCH ended")
for name, fn, ftol, gtol in CASES:
    for a0 in (1e-3, 1e-1, 1e1, 1e3):
        count = [0]
        last = [None]
        def phi(a):
            count[0] += 1
            last[0] = a
            return fn(a)[0]
        def derphi(a):
            return fn(a)[1]
        ls = DCSRCH(phi, derphi, ftol, gtol, 1e-10, 0.0, 1e10)
        stp, phi1, phi0, task = ls(a0, phi0=fn(0)[0], derphi0=fn(0)[1], maxiter=100)
        print(f'{{"{name}", {a0:g}, {float(last[0])!r}, {count[0]}}},  // {task.decode()}')
