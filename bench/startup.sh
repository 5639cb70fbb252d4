#!/usr/bin/env bash
# Start-up time of `./gradus -e 'print(1)'` once built, next to `python3 -c 'print(1)'` run the same way.
# Usage: bash bench/startup.sh [RUNS]   (prints the median of each and their ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
./gradus -e 'print(1)' >/dev/null   # builds the jar and the class-data archive if needed
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
g=$(for _ in $(seq "$runs"); do time_ms ./gradus -e 'print(1)'; done | median)
p=$(for _ in $(seq "$runs"); do time_ms python3 -c 'print(1)'; done | median)
verdict=ok; [ "$g" -lt 350 ] || verdict=FAIL
echo "gradus -e 'print(1)': median ${g} ms over $runs runs (target < 350 ms: $verdict)"
echo "python3 -c 'print(1)': median ${p} ms"
awk -v g="$g" -v p="$p" 'BEGIN { printf "ratio gradus/python: %.2f\n", g / p }'
