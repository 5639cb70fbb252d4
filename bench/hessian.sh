#!/usr/bin/env bash
# Hessian of the chained Rosenbrock rosen(x[100]) built and evaluated at one point, inside one
# session (the JVM warmed by a first round), next to SymPy doing the same (hessian + lambdify + call).
# Usage: bash bench/hessian.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
./gradus -e "n = $n" \
  -e 'rosen(x[n]) = sum(i in 1..n-1, 100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)' \
  -e 'p = linspace(-1, 1, n)' \
  -e 'for round in 1..3 { t0 = clock(); H = hessian(rosen)(p); t = clock() - t0; print("round", round, ": gradus hessian(rosen) for n =", n, "built and evaluated in", t, "s") }' \
  -e 'print("H[1][1] =", H[1][1], " H[2][1] =", H[2][1])'
if python3 -c 'import sympy' 2>/dev/null; then
  python3 - "$n" <<'PY'
import sys, time, sympy as sp
n = int(sys.argv[1])
x = sp.symbols(f"x1:{n + 1}")
t0 = time.perf_counter()
f = sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(n - 1))
H = sp.hessian(f, x)
fn = sp.lambdify([x], H, "numpy")
p = [-1 + 2 * k / (n - 1) for k in range(n)]
Hv = fn(p)
print(f"sympy hessian for n = {n} built and evaluated in {time.perf_counter() - t0:.3f} s; H[1][1] = {Hv[0][0]}")
PY
else
  echo "sympy is not installed: no baseline"
fi
