#!/usr/bin/env bash
# The CI fuzz check (Scripts/test.sh): builds the fuzz binary and runs every target once over each
# input of its committed corpus (Fuzz/corpus/TARGET) and findings (Fuzz/findings/TARGET, the
# reproducers of fixed bugs); fails on any crash, trap, sanitizer report, timeout or memory blow-up.
set -euo pipefail
cd "$(dirname "$0")/.."
# Traps go to libFuzzer (a deadly signal, the input saved), not to the Swift backtracer.
export SWIFT_BACKTRACE=enable=no
# Leaks inside system libraries are not findings (see the file).
export LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}
Fuzz/build.sh
fuzz=.build-fuzz/fuzz
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0 inputs=0
start=$SECONDS
for target in $(FUZZ_TARGET=list "$fuzz" | cut -f1); do
    files=()
    for dir in "Fuzz/corpus/$target" "Fuzz/findings/$target"; do
        [ -d "$dir" ] && files+=("$dir"/*)
    done
    [ ${#files[@]} -gt 0 ] || { echo "fuzz replay: $target has no corpus" >&2; failed=1; continue; }
    if FUZZ_TARGET=$target "$fuzz" -rss_limit_mb=2048 -timeout=10 "${files[@]}" > "$log" 2>&1; then
        inputs=$((inputs + ${#files[@]}))
    else
        echo "fuzz replay: $target FAILED:"; grep -E -A12 '^Running:|^==[0-9]+==|Fatal error|deadly signal|out-of-memory|timeout' "$log" | tail -40
        failed=1
    fi
done
echo "fuzz replay: $inputs inputs over $(FUZZ_TARGET=list "$fuzz" | wc -l) targets in $((SECONDS - start)) s: $([ $failed -eq 0 ] && echo ok || echo FAILED)"
exit $failed
