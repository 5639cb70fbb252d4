#!/usr/bin/env python3
"""Evaluation counts of SciPy's L-BFGS-B and BFGS on the Moré–Garbow–Hillstrom problems of
src/test/java/gradus/optim/Mgh.java (same residuals, Jacobians and starts), for optim.MghTest.

Both SciPy methods stop on the gradient's infinity norm <= 1e-6, Gradus's gtol: BFGS's `gtol`
is exactly that test; L-BFGS-B's `gtol` is the projected gradient's infinity norm, the same
thing without bounds, and its `ftol` (relative decrease) test is switched off (ftol=0) so that
both stop on the same rule. maxiter=5000 as in MghTest. `nfev` counts every value-and-gradient
evaluation, as Gradus's `evaluations` does. A run solves a problem when it ends within 1e-6
(relative to max(1, |f*|)) of a published minimum, MghTest's criterion; a run that does not
counts as infinitely many evaluations in the median (Dolan & Moré 2002, "Benchmarking
optimization software with performance profiles"), written -1 in MghTest's table.

Usage: python3 bench/mgh_scipy.py [target/mgh-counts.txt]
With MghTest's table (written by `mvn test -Dtest=MghTest`) it also prints Gradus's counts beside
SciPy's, each problem's ratio and the median of the ratios.
"""
import sys
import numpy as np
import scipy
from scipy.optimize import minimize


def problem(name, x0, fstars, res):
    def fg(x):
        r, j = res(np.asarray(x, dtype=float))
        return float(r @ r), 2 * (j.T @ r)
    return name, np.array(x0, dtype=float), fstars, fg


def solved(f, fstars):
    return min(abs(f - s) / max(1, abs(s)) for s in fstars) <= 1e-6


def rosenbrock(x):
    return np.array([10 * (x[1] - x[0] ** 2), 1 - x[0]]), np.array([[-20 * x[0], 10], [-1, 0]])


def freudenstein_roth(x):
    y = x[1]
    r = [-13 + x[0] + ((5 - y) * y - 2) * y, -29 + x[0] + ((y + 1) * y - 14) * y]
    return np.array(r), np.array([[1, 10 * y - 3 * y * y - 2], [1, 3 * y * y + 2 * y - 14]])


def powell_badly_scaled(x):
    r = [1e4 * x[0] * x[1] - 1, np.exp(-x[0]) + np.exp(-x[1]) - 1.0001]
    return np.array(r), np.array([[1e4 * x[1], 1e4 * x[0]], [-np.exp(-x[0]), -np.exp(-x[1])]])


def brown_badly_scaled(x):
    r = [x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2]
    return np.array(r), np.array([[1, 0], [0, 1], [x[1], x[0]]])


def beale(x):
    y = np.array([1.5, 2.25, 2.625])
    i = np.arange(1, 4)
    r = y - x[0] * (1 - x[1] ** i)
    j = np.column_stack([-(1 - x[1] ** i), x[0] * i * x[1] ** (i - 1)])
    return r, j


def jennrich_sampson(x):
    i = np.arange(1, 11)
    a, b = np.exp(i * x[0]), np.exp(i * x[1])
    return 2 + 2 * i - (a + b), np.column_stack([-i * a, -i * b])


def helical_valley(x):
    q = x[0] ** 2 + x[1] ** 2
    theta = np.arctan(x[1] / x[0]) / (2 * np.pi) + (0.5 if x[0] < 0 else 0)
    dt0, dt1 = -x[1] / (2 * np.pi * q), x[0] / (2 * np.pi * q)
    rho = np.sqrt(q)
    r = [10 * (x[2] - 10 * theta), 10 * (rho - 1), x[2]]
    j = [[-100 * dt0, -100 * dt1, 10], [10 * x[0] / rho, 10 * x[1] / rho, 0], [0, 0, 1]]
    return np.array(r), np.array(j)


def bard(x):
    y = np.array([0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96,
                  1.34, 2.10, 4.39])
    u = np.arange(1, 16.0)
    v = 16 - u
    w = np.minimum(u, v)
    d = v * x[1] + w * x[2]
    return y - (x[0] + u / d), np.column_stack([-np.ones(15), u * v / d ** 2, u * w / d ** 2])


def gaussian(x):
    y = np.array([0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521,
                  0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009])
    t = (8 - np.arange(1, 16)) / 2.0
    dt = t - x[2]
    e = np.exp(-x[1] * dt * dt / 2)
    return x[0] * e - y, np.column_stack([e, -x[0] * e * dt * dt / 2, x[0] * e * x[1] * dt])


def meyer(x):
    y = np.array([34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005,
                  5147, 4427, 3820, 3307, 2872.0])
    t = 45 + 5 * np.arange(1, 17)
    d = t + x[2]
    e = np.exp(x[1] / d)
    return x[0] * e - y, np.column_stack([e, x[0] * e / d, -x[0] * e * x[1] / d ** 2])


def gulf(x):
    t = np.arange(1, 100) / 100.0
    y = 25 + (-50 * np.log(t)) ** (2.0 / 3)
    a = np.abs(y - x[1])
    pw = a ** x[2]
    e = np.exp(-pw / x[0])
    j = np.column_stack([e * pw / x[0] ** 2,
                         e * x[2] * a ** (x[2] - 1) * np.sign(y - x[1]) / x[0],
                         -e * pw * np.log(a) / x[0]])
    return e - t, j


def box_3d(x):
    t = 0.1 * np.arange(1, 11)
    a, b = np.exp(-t * x[0]), np.exp(-t * x[1])
    c = np.exp(-t) - np.exp(-10 * t)
    return a - b - x[2] * c, np.column_stack([-t * a, t * b, -c])


def powell_singular(x):
    s5, s10 = np.sqrt(5), np.sqrt(10)
    a, b = x[1] - 2 * x[2], x[0] - x[3]
    r = [x[0] + 10 * x[1], s5 * (x[2] - x[3]), a * a, s10 * b * b]
    j = [[1, 10, 0, 0], [0, 0, s5, -s5], [0, 2 * a, -4 * a, 0], [2 * s10 * b, 0, 0, -2 * s10 * b]]
    return np.array(r), np.array(j)


def wood(x):
    s90, s10 = np.sqrt(90), np.sqrt(10)
    r = [10 * (x[1] - x[0] ** 2), 1 - x[0], s90 * (x[3] - x[2] ** 2), 1 - x[2],
         s10 * (x[1] + x[3] - 2), (x[1] - x[3]) / s10]
    j = [[-20 * x[0], 10, 0, 0], [-1, 0, 0, 0], [0, 0, -2 * s90 * x[2], s90], [0, 0, -1, 0],
         [0, s10, 0, s10], [0, 1 / s10, 0, -1 / s10]]
    return np.array(r), np.array(j)


def kowalik_osborne(x):
    y = np.array([0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323,
                  0.0235, 0.0246])
    u = np.array([4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625])
    nn = u * u + u * x[1]
    d = u * u + u * x[2] + x[3]
    j = np.column_stack([-nn / d, -x[0] * u / d, x[0] * nn * u / d ** 2, x[0] * nn / d ** 2])
    return y - x[0] * nn / d, j


def brown_dennis(x):
    t = np.arange(1, 21) / 5.0
    a = x[0] + t * x[1] - np.exp(t)
    b = x[2] + x[3] * np.sin(t) - np.cos(t)
    return a * a + b * b, np.column_stack([2 * a, 2 * a * t, 2 * b, 2 * b * np.sin(t)])


def biggs_exp6(x):
    t = 0.1 * np.arange(1, 14)
    y = np.exp(-t) - 5 * np.exp(-10 * t) + 3 * np.exp(-4 * t)
    a, b, c = np.exp(-t * x[0]), np.exp(-t * x[1]), np.exp(-t * x[4])
    r = x[2] * a - x[3] * b + x[5] * c - y
    return r, np.column_stack([-t * x[2] * a, t * x[3] * b, a, -b, -t * x[5] * c, c])


def watson(n):
    def res(x):
        r = np.zeros(31)
        j = np.zeros((31, n))
        for i in range(1, 30):
            t = i / 29.0
            k = np.arange(1, n + 1)
            s1 = sum((kk - 1) * x[kk - 1] * t ** (kk - 2) for kk in range(2, n + 1))
            s2 = float(np.sum(x * t ** (k - 1)))
            r[i - 1] = s1 - s2 * s2 - 1
            dd = np.where(k >= 2, (k - 1) * t ** np.maximum(k - 2, 0), 0.0)
            j[i - 1] = dd - 2 * s2 * t ** (k - 1)
        r[29] = x[0]
        j[29, 0] = 1
        r[30] = x[1] - x[0] ** 2 - 1
        j[30, 0] = -2 * x[0]
        j[30, 1] = 1
        return r, j
    return res


def ext_rosenbrock(n):
    def res(x):
        r = np.zeros(n)
        j = np.zeros((n, n))
        for i in range(0, n, 2):
            r[i] = 10 * (x[i + 1] - x[i] ** 2)
            r[i + 1] = 1 - x[i]
            j[i, i] = -20 * x[i]
            j[i, i + 1] = 10
            j[i + 1, i] = -1
        return r, j
    return res


def trigonometric(n):
    def res(x):
        i = np.arange(1, n + 1)
        r = n - np.sum(np.cos(x)) + i * (1 - np.cos(x)) - np.sin(x)
        j = np.tile(np.sin(x), (n, 1)) + np.diag(i * np.sin(x) - np.cos(x))
        return r, j
    return res


PROBLEMS = [
    problem("rosenbrock", [-1.2, 1], [0], rosenbrock),
    problem("freudenstein_roth", [0.5, -2], [0, 48.9842536792400], freudenstein_roth),
    problem("powell_badly_scaled", [0, 1], [0], powell_badly_scaled),
    problem("brown_badly_scaled", [1, 1], [0], brown_badly_scaled),
    problem("beale", [1, 1], [0], beale),
    problem("jennrich_sampson", [0.3, 0.4], [124.362182355], jennrich_sampson),
    problem("helical_valley", [-1, 0, 0], [0], helical_valley),
    problem("bard", [1, 1, 1], [8.21487730657e-3, 17.4286398], bard),
    problem("gaussian", [0.4, 1, 0], [1.12793276961e-8], gaussian),
    problem("meyer", [0.02, 4000, 250], [87.9458], meyer),
    problem("gulf", [5, 2.5, 0.15], [0], gulf),
    problem("box_3d", [0, 10, 20], [0], box_3d),
    problem("powell_singular", [3, -1, 0, 1], [0], powell_singular),
    problem("wood", [-3, -1, -3, -1], [0], wood),
    problem("kowalik_osborne", [0.25, 0.39, 0.415, 0.39], [3.07505603849e-4, 1.02734e-3],
            kowalik_osborne),
    problem("brown_dennis", [25, 5, -5, -1], [85822.2016263563], brown_dennis),
    problem("biggs_exp6", [1, 2, 1, 1, 1, 1], [0, 5.65565e-3, 0.306366], biggs_exp6),
    problem("watson_6", [0] * 6, [2.28767005355e-3], watson(6)),
    problem("watson_9", [0] * 9, [1.39976e-6], watson(9)),
    problem("ext_rosenbrock_10", [-1.2, 1] * 5, [0], ext_rosenbrock(10)),
    problem("trigonometric_10", [0.1] * 10, [0, 2.79506e-5], trigonometric(10)),
]

SCIPY = {
    "lbfgs": ("L-BFGS-B", {"gtol": 1e-6, "ftol": 0, "maxiter": 5000, "maxfun": 10 ** 6}),
    "bfgs": ("BFGS", {"gtol": 1e-6, "maxiter": 5000}),
}


def gradus_counts(path):
    counts = {}
    with open(path) as f:
        next(f)
        for line in f:
            name, method, status, iters, evals, fval = line.split()
            counts[(name, method)] = (int(evals), status)
    return counts


def main():
    gradus = gradus_counts(sys.argv[1]) if len(sys.argv) > 1 else {}
    print(f"SciPy {scipy.__version__}, NumPy {np.__version__}")
    for ours, (method, opts) in SCIPY.items():
        print(f"\n{method} (gtol=1e-6) vs gradus {ours}(); a failed run counts as inf")
        print(f"{'problem':20} {'scipy':>6} {'gradus':>7}  scipy f / message")
        scipy_evals, ours_evals, java = [], [], []
        for name, x0, fstars, fg in PROBLEMS:
            with np.errstate(all="ignore"):
                r = minimize(fg, x0, jac=True, method=method, options=opts)
            ok = solved(r.fun, fstars)
            scipy_evals.append(r.nfev if ok else np.inf)
            java.append(f"{r.nfev if ok else -1}")
            g = gradus.get((name, ours))
            if g:
                ours_evals.append(g[0])
            print(f"{name:20} {r.nfev if ok else 'fail':>6} {g[0] if g else '':>7}  {r.fun:.8g} "
                  f"{r.message}")
        print(f"median evaluations: scipy {np.median(scipy_evals):g}"
              + (f", gradus {np.median(ours_evals):g}" if ours_evals else ""))
        print(f"for MghTest ({method}): {{{', '.join(java)}}}")


if __name__ == "__main__":
    main()
