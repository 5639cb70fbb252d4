"""SciPy's seeded global searches on the Eggholder function, for GlobalSearchTest.

Run once with the default python3 (SciPy 1.17 / NumPy 2). Gradus draws its random numbers as
np.random.RandomState(seed) does, so differential_evolution(..., seed=s, polish=false) is SciPy's
run draw for draw, and multistart's starts are RandomState(seed).uniform(lo, hi, (n, d)).
"""
import numpy as np
from scipy.optimize import differential_evolution


def eggholder(p):
    x, y = p
    return -(y + 47) * np.sin(np.sqrt(abs(x / 2 + y + 47))) - x * np.sin(np.sqrt(abs(x - (y + 47))))


if __name__ == "__main__":
    box = [(-512, 512)] * 2
    for seed in range(4):
        r = differential_evolution(eggholder, box, seed=seed, polish=False)
        print(f"de seed={seed}: f={r.fun!r} x={[float(v) for v in r.x]} nit={r.nit} nfev={r.nfev}")
    r = differential_evolution(eggholder, box, seed=0)
    print(f"de seed=0 polished (numerical gradient): f={r.fun!r} x={[float(v) for v in r.x]} nfev={r.nfev}")
    starts = np.random.RandomState(0).uniform([-512, -512], [512, 512], size=(100, 2))
    print("multistart seed=0 starts 1, 2, 100:", [list(map(float, starts[k])) for k in (0, 1, 99)])
