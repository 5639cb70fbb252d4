#!/usr/bin/env bash
# Parity with PyTorch (issue 10): the 64-32-10 tanh network of scripts/digits_mlp.opt on the
# digits' 80% training split, from the same float64 initial weights (PyTorch's default
# nn.Linear initialisation, seed 0), over the same minibatches (no shuffle, batch 32) with
# adam(lr=0.001), one epoch, in Gradus and in real torch side by side:
#   - every minibatch loss must agree with torch's to 1e-9 relative;
#   - the epoch's time: Gradus's minimize(..., epochs=1) (its time includes the full-data loss
#     and gradient it takes at the start and the end) against torch's loop of the same updates,
#     each the median of 15 runs after warming up, both on one core (CPU time = wall time);
#     the ratio must be at most 1.0.
# Uses Debian's python3 (apt-get install python3-torch python3-sklearn); torch is never a
# dependency of Gradus. Exit status 1 when a check fails.
# Usage: bash bench/digits_torch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
if ! "$py" -c 'import torch, sklearn' 2>/dev/null; then
  echo "needs Debian's python3 with torch and scikit-learn: apt-get install python3-torch python3-sklearn" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. the initial weights, flattened in Gradus's order: W1 (32 x 64, row-major), b1, W2, b2
"$py" - "$work/w0.csv" <<'PY'
import sys, torch
torch.manual_seed(0)
l1, l2 = torch.nn.Linear(64, 32).double(), torch.nn.Linear(32, 10).double()
w = torch.cat([l1.weight.reshape(-1), l1.bias, l2.weight.reshape(-1), l2.bias]).detach()
with open(sys.argv[1], "w") as f:
    f.write("w\n" + "".join(repr(v) + "\n" for v in w.tolist()))
PY

# 2. Gradus: warm up, then seven one-epoch runs from the same start
cat > "$work/gradus.opt" <<EOF
d = csv("scripts/data/digits.csv")
s = split(d, 0.8, seed=0)
train = s[1]
w0 = csv("$work/w0.csv").w
net(W1[32, 64], b1[32], W2[10, 32], b2[10]; x[64]) = {
  h[j in 1..32] = tanh(sum(k in 1..64, W1[j, k]*x[k]/16) + b1[j])
  z[c in 1..10] = sum(j in 1..32, W2[c, j]*h[j]) + b2[c]
  z
}
xent(W1[32, 64], b1[32], W2[10, 32], b2[10]; x[64], label) = {
  z = net(W1, b1, W2, b2, x)
  logsumexp(c in 1..10, z[c]) - z[label]
}
for k in 1..8 {
  warm = minimize(xent, w0, adam(lr=0.001), data=train, batch=32, epochs=1, shuffle=false)
}
for k in 1..15 {
  r = minimize(xent, w0, adam(lr=0.001), data=train, batch=32, epochs=1, shuffle=false)
  print(r.time)
}
print(r.batch_losses)
EOF
# Both on one thread (torch is held to one below), so that wall time is CPU time on both sides.
./gradus -e 'print(1)' > /dev/null   # builds target/gradus.jar when it is missing or stale
java -XX:+UseSerialGC -Djava.awt.headless=true -jar target/gradus.jar "$work/gradus.opt" > "$work/gradus.out"

# 3. torch, the same updates, and the comparison
"$py" - "$work/w0.csv" "$work/gradus.out" <<'PY'
import sys, time, statistics, json
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
torch.set_num_threads(1)
w0 = torch.tensor([float(v) for v in open(sys.argv[1]).read().split()[1:]], dtype=torch.float64)
lines = open(sys.argv[2]).read().strip().split("\n")
g_times = [float(v) for v in lines[:15]]
g_losses = json.loads(lines[15].replace("nan", "NaN").replace("inf", "Infinity"))
X, y = load_digits(return_X_y=True)
Xtr, _, ytr, _ = train_test_split(X, y, train_size=0.8, random_state=0)
Xtr = torch.tensor(Xtr, dtype=torch.float64)
ytr = torch.tensor(ytr)

def epoch():
    W1 = w0[:2048].reshape(32, 64).clone().requires_grad_()
    b1 = w0[2048:2080].clone().requires_grad_()
    W2 = w0[2080:2400].reshape(10, 32).clone().requires_grad_()
    b2 = w0[2400:].clone().requires_grad_()
    opt = torch.optim.Adam([W1, b1, W2, b2], lr=0.001)
    losses = []
    t0 = time.perf_counter()
    for i in range(0, len(Xtr), 32):
        xb, yb = Xtr[i:i + 32], ytr[i:i + 32]
        z = torch.tanh(xb / 16 @ W1.T + b1) @ W2.T + b2
        loss = torch.nn.functional.cross_entropy(z, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return time.perf_counter() - t0, losses

for _ in range(3):
    epoch()
runs = [epoch() for _ in range(15)]
t_losses = runs[0][1]
t_time = statistics.median(t for t, _ in runs)
g_time = statistics.median(g_times)
ok = True
if len(g_losses) != len(t_losses):
    print(f"FAIL: {len(g_losses)} minibatch losses in Gradus, {len(t_losses)} in torch")
    sys.exit(1)
worst = max(abs(g - t) / abs(t) for g, t in zip(g_losses, t_losses))
print(f"minibatch losses: {len(t_losses)}, first {t_losses[0]:.12g}, last {t_losses[-1]:.12g}")
print(f"largest relative difference from torch: {worst:.2e} (at most 1e-9: {'ok' if worst <= 1e-9 else 'FAIL'})")
ok &= worst <= 1e-9
print(f"one epoch: gradus {g_time * 1e3:.2f} ms (with its full-data loss and gradient at the start and end), "
      f"torch {t_time * 1e3:.2f} ms (median of 15)")
ratio = g_time / t_time
print(f"ratio gradus/torch: {ratio:.2f} (at most 1.0: {'ok' if ratio <= 1.0 else 'FAIL'})")
ok &= ratio <= 1.0
sys.exit(0 if ok else 1)
PY
