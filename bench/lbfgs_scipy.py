"""SciPy's L-BFGS-B on the separable extended Rosenbrock, 10^6 variables, gtol=1e-5 (bench/lbfgs.sh)."""
import os
import sys
import time
import numpy as np
from scipy.optimize import minimize
sys.path.insert(0, os.path.dirname(__file__))
from separable_rosenbrock import START, fg  # noqa: E402

t = time.perf_counter()
r = minimize(fg, START, jac=True, method="L-BFGS-B", options={"gtol": 1e-5})
t = time.perf_counter() - t
print(f"minimize {t:.3f} s, {r.nit} iterations, {r.nfev} evaluations, "
      f"gnorm {np.abs(r.jac).max():.3g}, f {r.fun:.3g}")
