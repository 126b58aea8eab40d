# Embedded Swift firmware build and QEMU run functions; sourced by Embedded/check.sh.
# Cores: cortex-m7 (QEMU mps2-an500), cortex-m4 (mps2-an386), rv64 (virt, -bios none).
# Every object goes under $EMBEDDED_BUILD/<core>/; portable modules compile unchanged from Sources/.

SWIFT_BIN=$(dirname "$(command -v swiftc)")
CLANG="$SWIFT_BIN/clang"
LLD="$SWIFT_BIN/ld.lld"
EMBEDDED_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$EMBEDDED_DIR")
EMBEDDED_BUILD=${EMBEDDED_BUILD:-$EMBEDDED_DIR/build}
# Swift optimisation for the portable modules and the firmware. -Osize: on Cortex-M7 KWS it is
# both smaller (.text 112 KB vs 151 KB) and faster (9.23 M vs 9.62 M instructions) than -O, whose
# unrolling spills registers (Embedded/README.md).
EMBEDDED_SWIFT_OPT=${EMBEDDED_SWIFT_OPT:--Osize}
CORES=(cortex-m7 cortex-m4 rv64)

# Sets TRIPLE, SWIFT_CPU (swiftc flags), C_FLAGS (clang), BOARD, QEMU (command), LIBGCC for a core.
core_settings() {
    case "$1" in
    cortex-m7)
        TRIPLE=armv7em-none-none-eabi
        local arch=(-mcpu=cortex-m7 -mfloat-abi=hard -mfpu=fpv5-d16)
        C_FLAGS=(--target=armv7em-none-eabi -mthumb "${arch[@]}")
        LIBGCC=$(arm-none-eabi-gcc -mthumb "${arch[@]}" -print-libgcc-file-name)
        BOARD=mps2; QEMU=(qemu-system-arm -M mps2-an500) ;;
    cortex-m4)
        TRIPLE=armv7em-none-none-eabi
        local arch=(-mcpu=cortex-m4 -mfloat-abi=hard -mfpu=fpv4-sp-d16)
        C_FLAGS=(--target=armv7em-none-eabi -mthumb "${arch[@]}")
        LIBGCC=$(arm-none-eabi-gcc -mthumb "${arch[@]}" -print-libgcc-file-name)
        BOARD=mps2; QEMU=(qemu-system-arm -M mps2-an386) ;;
    rv64)
        TRIPLE=riscv64-none-none-eabi
        local arch=(-march=rv64gc -mabi=lp64d -mcmodel=medany)
        C_FLAGS=(--target=riscv64-unknown-elf "${arch[@]}")
        LIBGCC=
        BOARD=virt; QEMU=(qemu-system-riscv64 -M virt -bios none) ;;
    *) echo "firmware.sh: unknown core '$1'" >&2; return 1 ;;
    esac
    SWIFT_CPU=()
    for f in "${arch[@]}"; do SWIFT_CPU+=(-Xcc "$f"); done
    # Arm: the DSP instructions of Sources/TinyCore/Kernels/PackedInt16Lanes.swift (Builtin module).
    case "$TRIPLE" in armv7em*) SWIFT_CPU+=(-enable-experimental-feature BuiltinModule) ;; esac
}

# The portable modules the firmware links, in dependency order.
portable_modules() {
    echo "TinyCore TinyLite TinyDSP TinyPipeline"
}

# swift_module CORE MODULE OUTDIR [extra swiftc args...]: one Embedded Swift module -> .o + .swiftmodule.
swift_module() {
    local core=$1 module=$2 out=$3; shift 3
    core_settings "$core"
    local sources
    mapfile -t sources < <(find "$REPO_DIR/Sources/$module" -name '*.swift' | sort)
    swiftc -target "$TRIPLE" -enable-experimental-feature Embedded -wmo "$EMBEDDED_SWIFT_OPT" \
        "${SWIFT_CPU[@]}" -Xfrontend -disable-stack-protector -Xfrontend -function-sections \
        -parse-as-library -module-name "$module" -I "$out" \
        -emit-module -emit-module-path "$out/$module.swiftmodule" "$@" \
        "${sources[@]}" -c -o "$out/$module.o"
}

# compile_core CORE: the portable modules, the Swift firmware and the board's C support.
compile_core() {
    local core=$1 out="$EMBEDDED_BUILD/$1"
    mkdir -p "$out"
    local modules
    read -ra modules < <(portable_modules)
    for m in "${modules[@]}"; do swift_module "$core" "$m" "$out"; done
    core_settings "$core"
    swiftc -target "$TRIPLE" -enable-experimental-feature Embedded -wmo "$EMBEDDED_SWIFT_OPT" \
        "${SWIFT_CPU[@]}" -Xfrontend -disable-stack-protector -Xfrontend -function-sections \
        -parse-as-library -module-name Firmware -I "$out" -I "$EMBEDDED_DIR/Board/include" \
        "$EMBEDDED_DIR"/Firmware/*.swift -c -o "$out/Firmware.o"
    local cflags=("${C_FLAGS[@]}" -O2 -ffreestanding -fno-builtin -ffunction-sections -fdata-sections
                  -Wall -Werror -I "$EMBEDDED_DIR/Board/include")
    for c in "$EMBEDDED_DIR/Board/$BOARD"/*.c "$EMBEDDED_DIR/Board/common"/*.c; do
        "$CLANG" "${cflags[@]}" -c "$c" -o "$out/board-$(basename "$c" .c).o"
    done
}

# link_firmware CORE MODEL INPUT ELF: links the compiled core with a model and its test inputs.
link_firmware() {
    local core=$1 model=$2 input=$3 elf=$4 out="$EMBEDDED_BUILD/$1"
    core_settings "$core"
    "$CLANG" "${C_FLAGS[@]}" -DMODEL_FILE="\"$model\"" -DINPUT_FILE="\"$input\"" \
        -c "$EMBEDDED_DIR/Board/common/blobs.S" -o "$elf.blobs.o"
    "$LLD" -T "$EMBEDDED_DIR/Board/$BOARD/$BOARD.ld" --gc-sections -o "$elf" \
        "$out"/*.o "$elf.blobs.o" ${LIBGCC:+"$LIBGCC"}
    rm -f "$elf.blobs.o"
}

# run_firmware CORE ELF: runs it under QEMU with exact instruction counting; prints its console.
run_firmware() {
    local core=$1 elf=$2
    core_settings "$core"
    if [ "$BOARD" = mps2 ]; then
        timeout 300 "${QEMU[@]}" -nographic -monitor none -serial none -icount shift=0 \
            -chardev stdio,id=console -semihosting-config enable=on,target=native,chardev=console \
            -kernel "$elf" < /dev/null
    else
        timeout 300 "${QEMU[@]}" -nographic -monitor none -serial stdio -icount shift=0 -kernel "$elf" < /dev/null
    fi
}
