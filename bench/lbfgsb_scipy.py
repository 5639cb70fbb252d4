"""SciPy's L-BFGS-B on bounded problems whose minimizers sit on the bounds.

Run once with the default python3 (SciPy 1.17); its output is written into
src/test/java/gradus/optim/LbfgsBOracleTest.java, which checks that Gradus's
bounded lbfgs() ends at the same point (to 1e-6) with an evaluation count within
1.2x of SciPy's. Both stop on the projected gradient only (gtol=1e-6, ftol=0),
with the exact gradient (jac=True) and SciPy's other defaults (maxcor=10, maxls=20).
"""
import numpy as np
from scipy.optimize import minimize


def rosen(x):
    f = sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)
    g = np.zeros_like(x)
    g[:-1] += -400 * x[:-1] * (x[1:] - x[:-1] ** 2) - 2 * (1 - x[:-1])
    g[1:] += 200 * (x[1:] - x[:-1] ** 2)
    return f, g


def eggholder(p):
    x, y = p
    u, v = x / 2 + y + 47, x - (y + 47)
    su, sv = np.sqrt(abs(u)), np.sqrt(abs(v))
    f = -(y + 47) * np.sin(su) - x * np.sin(sv)
    du = np.cos(su) * np.sign(u) / (2 * su)
    dv = np.cos(sv) * np.sign(v) / (2 * sv)
    return f, np.array([-(y + 47) * du / 2 - np.sin(sv) - x * dv, -np.sin(su) - (y + 47) * du + x * dv])


def himmelblau(p):
    x, y = p
    a, b = x * x + y - 11, x + y * y - 7
    return a * a + b * b, np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])


def beale(p):
    x, y = p
    t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y ** 3
    f = t1 ** 2 + t2 ** 2 + t3 ** 2
    gx = 2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y ** 3 - 1)
    gy = 2 * t1 * x + 2 * t2 * 2 * x * y + 2 * t3 * 3 * x * y * y
    return f, np.array([gx, gy])


def chain(x):
    # sum (x_i - (i - 10)/3)^2 + sum (x_{i+1} - x_i)^2 over i = 1..20
    i = np.arange(1, len(x) + 1)
    r = x - (i - 10) / 3
    dx = x[1:] - x[:-1]
    g = 2 * r
    g[1:] += 2 * dx
    g[:-1] -= 2 * dx
    return sum(r * r) + sum(dx * dx), g


def quartic(x):
    # sum x_i^4 + (sum x_i - 3)^2 over 5 variables
    s = sum(x) - 3
    return sum(x ** 4) + s * s, 4 * x ** 3 + 2 * s


PROBLEMS = [
    ("rosenbrock", rosen, [-1.2, 1.0], [(-2, 0.5), (-2, 2)]),
    ("rosenbrock6", rosen, [-1.2, 1, -1.2, 1, -1.2, 1], [(-2, 0.8)] * 6),
    ("eggholder", eggholder, [500.0, 400.0], [(-512, 512)] * 2),
    ("himmelblau", himmelblau, [0.2, 0.3], [(0, 2), (0, 2.5)]),
    ("beale", beale, [1.0, 1.0], [(-1, 2), (-1, 0.4)]),
    ("chain", chain, [0.0] * 20, [(-1, 1)] * 20),
    ("quartic", quartic, [2.0, -1, 0, 1, 0.5], [(-np.inf, 0.4), (0.5, np.inf), (-1, 1), (-1, 1), (-1, 1)]),
]

if __name__ == "__main__":
    for name, f, x0, bounds in PROBLEMS:
        r = minimize(f, np.array(x0, float), jac=True, method="L-BFGS-B", bounds=bounds,
                     options={"gtol": 1e-6, "ftol": 0.0})
        active = sum(1 for xi, (lo, hi) in zip(r.x, bounds) if xi == lo or xi == hi)
        print(f'{name}: nfev={r.nfev} nit={r.nit} active={active} f={r.fun!r} '
              f'x={[float(v) for v in r.x]} status={r.status} {r.message}')
