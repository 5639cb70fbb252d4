#!/usr/bin/env bash
# Saving N numbers as CSV next to saving them as JSON, in one run (so machine load affects both):
# CSV goes through the one number formatter (gradus.sym.Numbers), JSON through Jackson.
# Usage: bash bench/save.sh [N]   (default 10^7; prints both times and their ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
./gradus -e "
v = randn($n)
t0 = clock()
save(v, \"$out/v.csv\")
t1 = clock()
save(v, \"$out/v.json\")
t2 = clock()
print(\"csv  \", t1 - t0, \"s for $n numbers\")
print(\"json \", t2 - t1, \"s\")
print(\"ratio csv/json:\", (t1 - t0) / (t2 - t1))
"
