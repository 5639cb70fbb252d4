#!/usr/bin/env bash
# One epoch of minibatch SGD (batch 256) for logistic regression with 10 features over 10^6 rows,
# in Gradus and in a vectorised NumPy loop doing the same work: the full-data loss at the start,
# one shuffled epoch of updates, the full-data loss at the end. Prints both times and their ratio.
# Usage: bash bench/logistic.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
g=$(./gradus -e "d = linear_data($rows, w=[1, -2, 3, -4, 5, -1, 2, -3, 4, -5], b=0.5, noise=1, seed=0)" \
  -e 'bce(w[10], b; x[10], y) = softplus(sum(j in 1..10, w[j]*x[j]) + b) - where(y > 0, 1, 0)*(sum(j in 1..10, w[j]*x[j]) + b)' \
  -e 'warm = minimize(bce, randn(11, seed=1, scale=0.01), sgd(lr=0.1), data=head(d, 20000), batch=256, epochs=3, seed=0)' \
  -e 'r = minimize(bce, randn(11, seed=1, scale=0.01), sgd(lr=0.1), data=d, batch=256, epochs=1, seed=0)' \
  -e 'print(r.time, r.iterations, r.f)')
read -r gt gi gf <<<"$g"
echo "gradus: one epoch, $gi updates, in $gt s (final mean loss $gf)"
python3 - "$rows" "$gt" <<'PY'
import sys, time
import numpy as np
rows, gt = int(sys.argv[1]), float(sys.argv[2])
rng = np.random.default_rng(0)
w_true = np.array([1, -2, 3, -4, 5, -1, 2, -3, 4, -5.0])
X = rng.standard_normal((rows, 10))
y = (X @ w_true + 0.5 + rng.standard_normal(rows) > 0).astype(float)
w = rng.standard_normal(11) * 0.01
def loss(w):
    z = X @ w[:10] + w[10]
    return np.mean(np.logaddexp(0, z) - y * z)
t0 = time.perf_counter()
loss(w)
order = rng.permutation(rows)
for s in range(0, rows, 256):
    idx = order[s:s + 256]
    xb, yb = X[idx], y[idx]
    p = 1 / (1 + np.exp(-(xb @ w[:10] + w[10])))
    err = p - yb
    w[:10] -= 0.1 * (xb.T @ err) / len(idx)
    w[10] -= 0.1 * err.mean()
f = loss(w)
nt = time.perf_counter() - t0
print(f"numpy:  one epoch, {(rows + 255) // 256} updates, in {nt:.3f} s (final mean loss {f:.6f})")
print(f"ratio gradus/numpy: {gt / nt:.2f}")
PY
