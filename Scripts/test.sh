#!/usr/bin/env bash
# The project's test command (README, .ci/run): builds everything, runs the Swift test suite,
# replays every fuzz target over its committed corpus and findings, and checks that the portable
# core compiles as Embedded Swift (and runs under QEMU where available).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
Fuzz/replay.sh
if [ -x Embedded/check.sh ]; then
  Embedded/check.sh
fi
