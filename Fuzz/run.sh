#!/usr/bin/env bash
# Fuzzes one target (libFuzzer + AddressSanitizer, one process, niced) from its committed corpus.
# Usage: Fuzz/run.sh TARGET [SECONDS | -runs=N] [LIBFUZZER-FLAG...]   (default 60 s)
#        Fuzz/run.sh list
# New inputs go to .build-fuzz/corpus/TARGET (Fuzz/minimize-corpus.sh TARGET folds them into the
# committed corpus); a crash, trap, leak, timeout (-timeout=10) or memory past -rss_limit_mb=2048
# leaves its input in .build-fuzz/artifacts/TARGET/. The last line is the run as a row of
# Fuzz/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# Traps go to libFuzzer (a deadly signal, the input saved), not to the Swift backtracer.
export SWIFT_BACKTRACE=enable=no
# Leaks inside system libraries are not findings (see the file).
export LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}
Fuzz/build.sh >&2
fuzz=.build-fuzz/fuzz
if [ "${1:-list}" = list ]; then FUZZ_TARGET=list "$fuzz"; exit 0; fi
target=$1
max_len=$(FUZZ_TARGET=list "$fuzz" | awk -F'\t' -v t="$target" '$1 == t { print $2 }')
[ -n "$max_len" ] || { echo "no fuzz target '$target' (Fuzz/run.sh list)" >&2; exit 2; }
limit=${2:-60}
case $limit in
-runs=*) stop=("$limit") ;;
*) stop=(-max_total_time="$limit") ;;
esac
work=.build-fuzz/corpus/$target artifacts=.build-fuzz/artifacts/$target/ log=.build-fuzz/logs/$target-$(date +%Y%m%d-%H%M%S).log
mkdir -p "$work" "$artifacts" "$(dirname "$log")" "Fuzz/corpus/$target"
status=0
FUZZ_TARGET=$target nice -n 19 "$fuzz" "${stop[@]}" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "${@:3}" "$work" "Fuzz/corpus/$target" 2>&1 | tee "$log" || status=$?
# Done N runs in S second(s)  →  | date | target | executions | seconds | exec/s | corpus | findings |
runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -1)
corpus="$(ls "Fuzz/corpus/$target" | wc -l) files, $(du -sb "Fuzz/corpus/$target" | cut -f1) B"
findings=$([ $status -eq 0 ] && echo none || echo "exit $status: $(grep -m1 -E '^==[0-9]+==|Fatal error|deadly signal|out-of-memory|timeout' "$log" || true)")
echo "| $(date +%F) | $target | ${runs:-?} | ${secs:-?} | $(( ${runs:-0} / (${secs:-0} > 0 ? ${secs:-1} : 1) )) | $corpus | $findings |"
exit $status
