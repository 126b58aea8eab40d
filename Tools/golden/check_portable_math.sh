#!/usr/bin/env bash
# Exhaustive proof that TinyCore's portable expFloat/tanhFloat (Sources/TinyCore/Math) equal the
# host C library's expf/tanhf (glibc 2.36 on x86-64, which LiteRT uses to build its int8 tables)
# on all 2^32 Float inputs. Takes about a minute of CPU. Exit status 1 on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -parse-as-library -module-name PortableMathCheck Sources/TinyCore/Math/*.swift \
    Tools/golden/PortableMathCheck.swift -o "$out/check"
"$out/check"
