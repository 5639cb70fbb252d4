#!/usr/bin/env bash
# bench/contour.opt (a 200x200 filled contour with iso-lines, a colour bar and three 50-step
# paths, written to a 760x560 PNG, five rounds in one session) next to matplotlib drawing the
# same figure five rounds in one process (contourf + contour + colorbar + the same paths +
# legend + savefig, Agg). The first round of each warms up (JIT, imports) and is left out.
# Usage: bash bench/contour.sh   (prints each side's median round and their ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
py=""
for p in $(which -a python3 2>/dev/null) /usr/bin/python3; do
  if "$p" -c 'import matplotlib, numpy' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "bench/contour.sh: no python3 with matplotlib and numpy (apt-get install python3-matplotlib)" >&2; exit 2; }
f='f(x, y) = 0.5*(2*x^2 + 2*x*y + 20*y^2) - (5*x + 3*y)'
./gradus -e "$f" -e 'runs = compare(f, [-3, -1], [gd(lr=0.1), momentum(lr=0.1), adam(lr=0.1)], steps=50)' \
  -e "save(runs, \"$tmp/runs.json\")"
(cd "$tmp" && "$here/gradus" "$here/bench/contour.opt") | tee "$tmp/gradus.txt"
"$py" - "$tmp" <<'PY' | tee "$tmp/mpl.txt"
import json, sys, time
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
tmp = sys.argv[1]
runs = json.load(open(f"{tmp}/runs.json"))
for k in range(1, 6):
    t0 = time.perf_counter()
    x, y = np.meshgrid(np.linspace(-4, 6, 200), np.linspace(-2, 2, 200))
    z = 0.5 * (2 * x**2 + 2 * x * y + 20 * y**2) - (5 * x + 3 * y)
    fig, ax = plt.subplots(figsize=(7.6, 5.6), dpi=100)
    filled = ax.contourf(x, y, z, levels=20, cmap="viridis")
    ax.contour(x, y, z, levels=20, colors="k", linewidths=0.4)
    fig.colorbar(filled, ax=ax)
    for r in runs:
        p = np.array(r["path"])
        ax.plot(p[:, 0], p[:, 1], marker="o", markersize=3, label=r["label"])
        ax.plot(p[0, 0], p[0, 1], "o", mfc="none", markersize=8)
        ax.plot(p[-1, 0], p[-1, 1], "*", markersize=10)
    ax.legend()
    fig.savefig(f"{tmp}/mpl-contour.png")
    plt.close(fig)
    print("round", k, ": matplotlib, the same figure to PNG in", time.perf_counter() - t0, "s")
PY
median() { sed -n 's/.* in \([0-9.e+-]*\) s$/\1/p' | tail -n +2 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
g=$(median < "$tmp/gradus.txt")
m=$(median < "$tmp/mpl.txt")
echo "gradus contour: median round ${g} s (rounds 2-5)"
echo "matplotlib ($py): median round ${m} s (rounds 2-5)"
awk -v g="$g" -v m="$m" 'BEGIN { printf "ratio gradus/matplotlib: %.2f\n", g / m }'
