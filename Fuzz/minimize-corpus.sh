#!/usr/bin/env bash
# Folds what Fuzz/run.sh TARGET found (.build-fuzz/corpus/TARGET) into the committed corpus
# Fuzz/corpus/TARGET, minimised: libFuzzer's -merge=1 keeps the smallest set of inputs that covers
# every feature of both, written into a fresh directory that then replaces the committed one.
# Usage: Fuzz/minimize-corpus.sh TARGET...
set -euo pipefail
cd "$(dirname "$0")/.."
# Traps go to libFuzzer (a deadly signal, the input saved), not to the Swift backtracer.
export SWIFT_BACKTRACE=enable=no
# Leaks inside system libraries are not findings (see the file).
export LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}
Fuzz/build.sh >&2
for target in "$@"; do
    max_len=$(FUZZ_TARGET=list .build-fuzz/fuzz | awk -F'\t' -v t="$target" '$1 == t { print $2 }')
    [ -n "$max_len" ] || { echo "no fuzz target '$target'" >&2; exit 2; }
    fresh=$(mktemp -d .build-fuzz/merge-XXXXXX)
    mkdir -p ".build-fuzz/corpus/$target" "Fuzz/corpus/$target"
    FUZZ_TARGET=$target nice -n 19 .build-fuzz/fuzz -merge=1 -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
        "$fresh" "Fuzz/corpus/$target" ".build-fuzz/corpus/$target" 2>&1 | grep -E '^MERGE-OUTER: [0-9]+ new files' || true
    rm -rf "Fuzz/corpus/$target" && mv "$fresh" "Fuzz/corpus/$target"
    echo "$target: $(ls "Fuzz/corpus/$target" | wc -l) files, $(du -sh "Fuzz/corpus/$target" | cut -f1)"
done
