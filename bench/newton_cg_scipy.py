"""SciPy's Newton-CG with a NumPy hessp on the separable extended Rosenbrock, 10^6 variables,
stopped at the first iterate whose gradient's infinity norm is <= 1e-5 (bench/newton_cg.sh)."""
import os
import sys
import time
import numpy as np
from scipy.optimize import minimize
sys.path.insert(0, os.path.dirname(__file__))
import separable_rosenbrock as sr  # noqa: E402

last = {}
hcalls = [0]


def fg(x):
    f, g = sr.fg(x)
    last["x"], last["g"] = x.copy(), g
    return f, g


def hessp(x, v):
    hcalls[0] += 1
    return sr.hessp(x, v)


def done(intermediate_result):
    # the line search evaluated the gradient at the new iterate already: use it, do not recompute
    x = intermediate_result.x
    g = last["g"] if np.array_equal(last["x"], x) else sr.fg(x)[1]
    if np.abs(g).max() <= 1e-5:
        raise StopIteration


t = time.perf_counter()
r = minimize(fg, sr.START, jac=True, hessp=hessp, method="Newton-CG", callback=done,
             options={"xtol": 1e-300})
t = time.perf_counter() - t
print(f"minimize {t:.3f} s, {r.nit} iterations, {r.nfev} evaluations, {hcalls[0]} hessp calls, "
      f"gnorm {np.abs(last['g']).max():.3g}")
