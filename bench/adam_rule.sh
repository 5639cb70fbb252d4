#!/usr/bin/env bash
# Adam written in Gradus (bench/adam_rule.opt) against the built-in adam on 10^6 variables, side
# by side in one process, so that machine load affects both. Prints the medians and the ratio
# written/built-in (issue 11 asks for at most 1.3), and whether both made the same bits.
# Usage: bash bench/adam_rule.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(./gradus bench/adam_rule.opt)
echo "$out" | grep -v '^round'
echo "$out" | awk '/^round/ && $2 > 2 { a[++k] = $3; b[k] = $4 }
  function median(v, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END {
    ma = median(a, k); mb = median(b, k)
    printf "built-in adam:          %.4f s (median of %d rounds of 200 updates)\n", ma, k
    printf "adam written in Gradus: %.4f s\n", mb
    printf "ratio written/built-in: %.3f\n", mb / ma
  }'
