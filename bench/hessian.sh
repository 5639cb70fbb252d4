#!/usr/bin/env bash
# The Hessian of the chained Rosenbrock rosen(x[n]), declared, built and evaluated in a fresh
# process, for n = 100, 10^4 and 10^6 (a sparse matrix above 1000 variables): wall time and peak
# memory beyond start-up (the same launcher running print(1)), medians of 5 runs each, side by
# side; and SymPy building and evaluating the same Hessian for n = 100 (hessian + lambdify).
# Targets (issue 9): < 0.05 s beyond start-up at n = 100; < 0.1 s and < 50 MB at 10^4; 10^6 evaluates.
# Usage: bash bench/hessian.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./gradus -e 'print(1)' >/dev/null   # builds the jar and its class-data archive first
python3 - <<'PY'
import os, statistics, subprocess, sys, time

def run(args):
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    out = p.stdout.read().decode().strip()
    err = p.stderr.read().decode().strip()
    if err:
        sys.exit("gradus failed: " + err)
    return wall, usage.ru_maxrss / 1024.0, out  # ru_maxrss is in KiB on Linux

def median(args, k=5):
    runs = [run(args) for _ in range(k)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[-1][2]

base_t, base_m, _ = median(["./gradus", "-e", "print(1)"])
print(f"start-up (./gradus -e 'print(1)'): {base_t:.3f} s, {base_m:.0f} MB")
print(f"{'n':>8}  {'wall (s)':>9}  {'beyond start-up':>15}  {'peak MB':>8}  {'beyond':>7}  result")
for n in (100, 10_000, 1_000_000):
    args = ["./gradus", "-e", f"n = {n}",
            "-e", "rosen(x[n]) = sum(i in 1..n-1, 100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)",
            "-e", "H = hessian(rosen)(linspace(-1, 1, n))",
            "-e", "print(nnz(H), H[1, 1], H[n, n])"]
    t, m, out = median(args, 5 if n < 1_000_000 else 3)
    print(f"{n:>8}  {t:9.3f}  {t - base_t:15.3f}  {m:8.0f}  {m - base_m:7.0f}  {out}")

try:
    import sympy as sp
except ImportError:
    sys.exit("sympy is not installed: no baseline")
n = 100
x = sp.symbols(f"x1:{n + 1}")
t0 = time.perf_counter()
f = sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(n - 1))
H = sp.hessian(f, x)
fn = sp.lambdify([x], H, "numpy")
Hv = fn([-1 + 2 * k / (n - 1) for k in range(n)])
print(f"sympy, n = 100, built and evaluated in one process: {time.perf_counter() - t0:.2f} s (H[1, 1] = {Hv[0][0]})")
PY
