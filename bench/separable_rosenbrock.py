"""The separable extended Rosenbrock for the SciPy baselines of bench/lbfgs.sh and
bench/newton_cg.sh: f(x) = sum over pairs of 100*(x[2i] - x[2i-1]^2)^2 + (1 - x[2i-1])^2,
its gradient and Hessian-vector product vectorised with NumPy, and the start (-1.2, 1, ...)."""
import numpy as np

N = 10**6
START = np.tile([-1.2, 1.0], N // 2)


def fg(x):
    a, b = x[0::2], x[1::2]
    p, q = b - a * a, 1 - a
    g = np.empty_like(x)
    g[0::2] = -400 * a * p - 2 * q
    g[1::2] = 200 * p
    return float(np.sum(100 * p * p + q * q)), g


def hessp(x, v):
    a, b = x[0::2], x[1::2]
    d = 1200 * a * a - 400 * b + 2
    o = -400 * a
    out = np.empty_like(v)
    out[0::2] = d * v[0::2] + o * v[1::2]
    out[1::2] = o * v[0::2] + 200 * v[1::2]
    return out
