"""The Lion update as published (Chen et al. 2023, "Symbolic Discovery of Optimization
Algorithms", Program 1 / Algorithm 2), as a plain NumPy loop:

    c = beta1*m + (1 - beta1)*g
    x = x - lr*(sign(c) + weight_decay*x)
    m = beta2*m + (1 - beta2)*g

for 100 steps on two problems. Its output is src/test/resources/oracles/lion_numpy.txt, which
interp.LionOracleTest compares (to 1e-12) with the Lion of SPEC 10.3 written in Gradus:

    python3 bench/lion_numpy.py > src/test/resources/oracles/lion_numpy.txt
"""
import numpy as np


def rosen_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


def bowl_grad(p):
    # f(x) = sum(i*(x[i] - i)^2) + x[1]*x[2], i = 1..3
    i = np.arange(1, 4)
    g = 2 * i * (p - i)
    g[0] += p[1]
    g[1] += p[0]
    return g


def lion(grad, x, lr, beta1, beta2, weight_decay, steps=100):
    x = np.array(x, dtype=float)
    m = np.zeros_like(x)
    path = [x.copy()]
    for _ in range(steps):
        g = grad(x)
        c = beta1 * m + (1 - beta1) * g
        x = x - lr * (np.sign(c) + weight_decay * x)
        m = beta2 * m + (1 - beta2) * g
        path.append(x.copy())
    return path


CASES = [
    ("rosenbrock", rosen_grad, [-1.2, 1.0], 0.001, 0.9, 0.99, 0.01),
    ("bowl", bowl_grad, [0.5, -1.0, 2.0], 0.01, 0.95, 0.98, 0.0),
]

for name, grad, start, lr, b1, b2, wd in CASES:
    print(f"case {name} lr={lr!r} beta1={b1!r} beta2={b2!r} weight_decay={wd!r} start={start!r}")
    for row in lion(grad, start, lr, b1, b2, wd):
        print(" ".join(repr(float(v)) for v in row))
