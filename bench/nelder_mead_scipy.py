"""SciPy's Nelder-Mead with its defaults, for src/test/java/gradus/interp/NelderMeadOracleTest.java.

Run once with the default python3 (SciPy 1.17); the test holds these numbers and checks that
Gradus's nelder_mead() makes the same number of function evaluations (SciPy's nfev) and ends at
the same point. SciPy's nit counts from 1, so Gradus's iterations are nit - 1.
"""
import numpy as np
from scipy.optimize import minimize


def rosen(x):
    x = np.asarray(x)
    return sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)


def coupled(x):
    return sum((x - np.arange(1, 6)) ** 2) + sum(x[:-1] * x[1:])


CASES = [
    ("rosenbrock", rosen, [-1.2, 1], {}),
    ("rosenbrock_tight", rosen, [0, 0], {"options": {"xatol": 1e-8, "fatol": 1e-8}}),
    ("rosenbrock_bounded", rosen, [-1.2, 1], {"bounds": [(-2, 0.5), (-1, 2)]}),
    ("coupled5", coupled, [0, 0, 0, 0, 0], {}),
    ("coupled5_adaptive", coupled, [0, 0, 0, 0, 0], {"options": {"adaptive": True}}),
    ("rosenbrock8_maxfev", rosen, [-1.2, 1] * 4, {}),
]

if __name__ == "__main__":
    for name, f, x0, kw in CASES:
        r = minimize(f, np.array(x0, float), method="Nelder-Mead", **kw)
        print(f"{name}: nfev={r.nfev} nit={r.nit} x={[float(v) for v in r.x]} {r.message}")
