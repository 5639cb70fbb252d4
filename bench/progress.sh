#!/usr/bin/env bash
# The cost of the progress hook in the optimizer loop: Adam on a 2-variable quadratic for
# STEPS updates (default 10^7), timed by r.time, built from BASE (the commit before the hook,
# default b136652) and from this checkout, run alternately: this checkout once with standard
# error a pipe (the hook idle) and once under `script`, a terminal, where the progress line is
# live (it shows after 2 s).
# Usage: bash bench/progress.sh [RUNS]   (prints each side's median and their ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
runs=${1:-5}
steps=${STEPS:-10000000}
base=${BASE:-b136652}
tmp=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add -q --detach "$tmp/base" "$base"
(cd "$tmp/base" && mvn -q -B -ntp -DskipTests compile)
mvn -q -B -ntp -DskipTests compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$tmp/cp.txt" >/dev/null
cp=$(cat "$tmp/cp.txt")
code="f(x, y) = x^2 + 10*y^2; r = minimize(f, [1, 1], adam(lr=1e-9), steps=$steps, gtol=0); print(\"TIME\", r.time)"
printf '%s\n' "$code" > "$tmp/run.opt"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# alternate the three, so that the load of a busy machine falls on each alike
for _ in $(seq "$runs"); do
  java -cp "$tmp/base/target/classes:$cp" gradus.cli.Main "$tmp/run.opt" | awk '/^TIME/ {print $2}' >> "$tmp/old"
  java -cp "$here/target/classes:$cp" gradus.cli.Main "$tmp/run.opt" 2>/dev/null | awk '/^TIME/ {print $2}' >> "$tmp/pipe"
  script -qec "java -cp '$here/target/classes:$cp' gradus.cli.Main '$tmp/run.opt'" /dev/null | tr '\r' '\n' \
    | sed 's/\x1b\[K//g' | awk '/^TIME/ {print $2}' >> "$tmp/tty"
done
old=$(median < "$tmp/old"); pipe=$(median < "$tmp/pipe"); tty=$(median < "$tmp/tty")
echo "adam, $steps steps, before the hook ($base): median ${old} s over $runs runs"
echo "adam, $steps steps, hook idle (standard error a pipe): median ${pipe} s"
echo "adam, $steps steps, progress shown (under script, a terminal): median ${tty} s"
awk -v o="$old" -v p="$pipe" -v t="$tty" 'BEGIN { printf "ratio idle/before: %.3f   shown/before: %.3f\n", p / o, t / o }'
