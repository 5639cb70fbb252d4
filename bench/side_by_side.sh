# Sourced by bench scripts that time Gradus against a baseline as whole processes.
# side_by_side ROUNDS GRADUS_LABEL BASELINE_LABEL runs the command arrays GRADUS and BASELINE
# alternately ROUNDS times (so machine load falls on both), then prints the best wall time of
# each with every round's, what the last run of each printed, and the ratio gradus/baseline.
side_by_side() {
  local rounds=$1 glabel=$2 blabel=$3 g=() b=() gout bout t0 t1 t2 r
  for r in $(seq "$rounds"); do
    t0=$(date +%s.%N); gout=$("${GRADUS[@]}"); t1=$(date +%s.%N)
    bout=$("${BASELINE[@]}"); t2=$(date +%s.%N)
    g+=("$(echo "$t1 - $t0" | bc)"); b+=("$(echo "$t2 - $t1" | bc)")
  done
  local G B
  G=$(printf '%s\n' "${g[@]}" | sort -g | head -1); B=$(printf '%s\n' "${b[@]}" | sort -g | head -1)
  echo "$blabel (baseline): whole process $(printf '%.2f' "$B") s  (rounds: $(printf '%.2f ' "${b[@]}"))"
  echo "  last round: $bout"
  echo "$glabel: whole process $(printf '%.2f' "$G") s  (rounds: $(printf '%.2f ' "${g[@]}"))"
  echo "  last round: $gout"
  awk -v g="$G" -v b="$B" 'BEGIN { printf "ratio gradus/baseline: %.2f (target <= 0.5)\n", g / b }'
}
