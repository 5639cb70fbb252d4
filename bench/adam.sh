#!/usr/bin/env bash
# 10^7 Adam steps (lr=0.001, gtol=0) on 2-D Rosenbrock from (-1.2, 1), side by side in rounds:
# Gradus through the language (r.time of minimize, in a fresh ./gradus), the optimizer core
# (Minimizer.run on a hand-written objective) and a hand-written Java loop of the same update with
# the same gradient (the baseline; it computes the same bits, which the core run checks).
# Prints the best ns/step of each and the ratios to the hand-written loop (target: <= 1.5).
# Usage: bash bench/adam.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
source bench/core.sh
./gradus -e 'print(1)' >/dev/null
best() { sort -g | head -1; }
lang=(); hand=(); core=()
for r in $(seq "$rounds"); do
  lang+=("$(./gradus -e 'rosen(x, y) = 100*(y - x^2)^2 + (1 - x)^2' \
    -e 'r = minimize(rosen, [-1.2, 1], adam(lr=0.001), steps=10000000, gtol=0)' \
    -e 'print(r.time * 100)')")   # seconds for 10^7 steps, as ns per step
  read -r _ h _ c _ same < <("${CORE[@]}" adam 1)
  hand+=("$h"); core+=("$c")
done
L=$(printf '%s\n' "${lang[@]}" | best); H=$(printf '%s\n' "${hand[@]}" | best)
C=$(printf '%s\n' "${core[@]}" | best)
echo "hand-written Java loop (baseline):   $H ns/step   (rounds: ${hand[*]})"
echo "gradus core, Minimizer.run:          $C ns/step   (rounds: ${core[*]}; same bits as the loop: $same)"
echo "gradus language, ./gradus -e:        $(printf '%.1f' "$L") ns/step   (rounds: $(printf '%.1f ' "${lang[@]}"))"
awk -v l="$L" -v c="$C" -v h="$H" 'BEGIN { printf "ratio language/hand: %.2f   core/hand: %.2f   (target <= 1.5)\n", l / h, c / h }'
