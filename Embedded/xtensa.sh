# The exported C library on a real Xtensa core (LX106, the ESP32-S3's ISA family; the S3 itself has
# no Swift backend and no QEMU model here). Sourced by Embedded/check.sh (with $TINYML, $work and
# fail set); check_xtensa:
#  1. checks Embedded/Board/xtensa-lx106/libgcc_lx106.c (the soft-float and integer helpers that
#     Debian's lx106 libgcc lacks) against the host's IEEE-754 hardware, bit for bit
#     (helpers_test.c, host cc);
#  2. runs every ESP32-S3 config's model, exported with `tinyml export --target c`, under
#     qemu-system-xtensa -M sim -cpu lx106 (Tools/measure/c_export.py --models-only): the output
#     must equal `tinyml run` bit for bit and the counts, sizes and helper profile must equal the
#     xtensa-lx106 entries of Pipelines/boards/measurements-c.json exactly.
# The whole-pipeline Xtensa runs (every pipeline's `--pipeline` export over its test stream, events
# equal to the host CLI's) take several minutes; rerun them with
#     python3 Tools/measure/c_export.py --core xtensa-lx106 [--check]
# when the exporter or a pipeline changes (Embedded/README.md).

check_xtensa() {
    local tool
    for tool in xtensa-lx106-elf-gcc qemu-system-xtensa python3 cc; do
        command -v "$tool" >/dev/null || fail "'$tool' is missing (CI installs gcc-xtensa-lx106 and qemu-system-misc)"
    done
    local board="$REPO_DIR/Embedded/Board/xtensa-lx106"
    cc -std=c99 -O2 -ffp-contract=off -Wall -Wextra -Werror "$board/helpers_test.c" -o "$work/helpers_test" \
        || fail "the Xtensa helpers' host check does not compile"
    "$work/helpers_test" || fail "Embedded/Board/xtensa-lx106/libgcc_lx106.c differs from IEEE-754 hardware arithmetic"
    echo "embedded: xtensa-lx106 helpers bit-identical to the host's IEEE-754 and integer arithmetic"
    python3 "$REPO_DIR/Tools/measure/c_export.py" --core xtensa-lx106 --check --models-only --tinyml "$TINYML" \
        | sed 's/^/embedded: /' || fail "the exported C on xtensa-lx106 differs from the host or from Pipelines/boards/measurements-c.json"
}
