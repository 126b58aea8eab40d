#!/usr/bin/env bash
# Exhaustive proof of the error bound of TinyDSP's Float natural log (Sources/TinyDSP/FloatNaturalLog.swift):
# every positive finite Float against the C library's log in Double. Takes about a minute of CPU.
# Exit status 1 when an error exceeds the documented bound (argument, in ulp; default 0.86).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -parse-as-library -module-name FloatLogCheck Sources/TinyDSP/PortableMath.swift \
    Sources/TinyDSP/FloatNaturalLog.swift Tools/golden/FloatLogCheck.swift -o "$out/check"
"$out/check" "${1:-0.86}"
