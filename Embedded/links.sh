# Application images linked for the real boards (not run); sourced by Embedded/check.sh after
# firmware.sh, once compile_core ran for cortex-m7, cortex-m4 and rv64 and $TINYML names the tinyml
# binary.
#
# link_boards [--update]: for every pipeline file (Pipelines/<dir>/pipeline.json, named <dir> with
# '/' as '-') and Swift board
# (stm32h743 <- cortex-m7 objects with the mps2 startup, nrf52840 <- cortex-m4, k210 <- rv64 with
# the virt startup) it exports the pipeline's device image with that board's overrides
# (`tinyml export --target image --board`), links firmware + image (and an empty test-input file)
# with Embedded/Board/<board>/<board>.ld and --defsym HEAP_SIZE, STACK_SIZE, RESERVED_FLASH and
# RESERVED_RAM, and records in $EMBEDDED_BUILD/links.json, per "<pipeline>@<board>":
#   linked (true/false), error (lld's first error line when it failed),
#   flash_used_bytes = .text + .rodata + .ARM.exidx + .data + reserved flash,
#   ram_used_bytes   = .data + .bss + heap + stack + reserved RAM (+ .text + .rodata on the K210,
#                      which runs from SRAM), and the capacities the linker script declares.
# A link that fails still records its sizes, from a second link without heap, stack and
# reservations ("sizes_from": "link without heap, stack and reservations").
# Heap and stack: Embedded/measurements.json `pipelines.<key>.cores.<core>.heap_bytes/stack_bytes`
# with key "<pipeline>@<board>" when present, else "<pipeline>" ("memory": "measured"); without
# either, LINK_FALLBACK_HEAP and LINK_FALLBACK_STACK ("memory": "fallback"). Reservations: the
# deployment config's `reserved` (Pipelines/<p>/boards/<board>.json), else 0.
# Per board it also links one image whose heap is the board's whole RAM and requires that link to
# fail with a region overflow ("limit_checks"): the scripts do bound what they place.
# Then it compares the entries with the committed Embedded/links.json and fails on a difference,
# or, with --update, writes Embedded/links.json.

# Every pipeline file, by name: its directory below Pipelines/ with '/' as '-' (kws, kws-mlperf, ...).
mapfile -t LINK_PIPELINES < <(cd "$REPO_DIR/Pipelines" && find . -name pipeline.json -printf '%h\n' | sed 's|^\./||; s|/|-|g' | sort)
LINK_BOARDS=(stm32h743 nrf52840 k210)
# Fallback heap and stack when the firmware has not measured the pipeline: 128 KB bounds the sum of
# the measured model and front-end heap peaks of every pipeline in Embedded/measurements.json
# (wildlife on rv64: 49,232 + 51,376 B); 8 KB the largest measured stack (rv64: 7,768 B).
LINK_FALLBACK_HEAP=131072
LINK_FALLBACK_STACK=8192

# board_core BOARD: the compiled core whose objects the board links.
board_core() {
    case "$1" in
    stm32h743) echo cortex-m7 ;;
    nrf52840) echo cortex-m4 ;;
    k210) echo rv64 ;;
    *) echo "links.sh: unknown board '$1'" >&2; return 1 ;;
    esac
}

# link_board_image BOARD BLOB ELF HEAP STACK RESERVED_FLASH RESERVED_RAM: links the board's core
# objects with BLOB in .rodata (an empty .testvectors); lld's messages go to stderr; lld's status.
link_board_image() {
    local board=$1 blob=$2 elf=$3 heap=$4 stack=$5 rflash=$6 rram=$7 core
    core=$(board_core "$board") || return 1
    core_settings "$core"
    : > "$elf.empty"
    "$CLANG" "${C_FLAGS[@]}" -DMODEL_FILE="\"$blob\"" -DINPUT_FILE="\"$elf.empty\"" \
        -c "$EMBEDDED_DIR/Board/common/blobs.S" -o "$elf.blobs.o" || return 1
    local status=0
    "$LLD" -T "$EMBEDDED_DIR/Board/$board/$board.ld" --gc-sections -o "$elf" \
        --defsym=HEAP_SIZE="$heap" --defsym=STACK_SIZE="$stack" \
        --defsym=RESERVED_FLASH="$rflash" --defsym=RESERVED_RAM="$rram" \
        "$EMBEDDED_BUILD/$core"/*.o "$elf.blobs.o" ${LIBGCC:+"$LIBGCC"} || status=$?
    rm -f "$elf.blobs.o" "$elf.empty"
    return $status
}

# elf_section_sizes ELF: "name bytes" for every allocated section; fails on a section the board
# scripts do not place by name (it would escape the flash and RAM sums).
elf_section_sizes() {
    "$SWIFT_BIN/llvm-objdump" -h "$1" | perl -ne '
        next unless /^\s*\d+\s+(\S+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+(TEXT|DATA|BSS)/;
        my ($name, $size) = ($1, hex $2);
        $name =~ /^\.(reserved_flash|reserved_ram|text|rodata|ARM\.exidx|testvectors|data|bss|heap|stack)$/
            or die "links.sh: section $name of $ARGV is not placed by the board script\n";
        print "$name $size\n";'
}

# elf_symbol ELF NAME: the value of an absolute symbol, in decimal.
elf_symbol() {
    local hex
    hex=$("$SWIFT_BIN/llvm-nm" "$1" | awk -v s="$2" '$3 == s { print $1 }')
    [ -n "$hex" ] || { echo "links.sh: no symbol $2 in $1" >&2; return 1; }
    echo $(( 16#$hex ))
}

# pipeline_link_memory PIPELINE BOARD CORE: "heap stack measured|fallback" from measurements.json.
pipeline_link_memory() {
    perl -MJSON::PP -e '
        my ($p, $b, $core, $fh, $fs) = @ARGV; local $/;
        my $m = eval { decode_json(<STDIN>) } || {};
        for my $key ("$p\@$b", $p) {
            my $c = $m->{pipelines}{$key}{cores}{$core} or next;
            next unless defined $c->{heap_bytes} && defined $c->{stack_bytes};
            print "$c->{heap_bytes} $c->{stack_bytes} measured\n"; exit 0;
        }
        print "$fh $fs fallback\n";' "$1" "$2" "$3" "$LINK_FALLBACK_HEAP" "$LINK_FALLBACK_STACK" \
        < "$EMBEDDED_DIR/measurements.json"
}

# config_reserved CONFIG: "flash ram" bytes the deployment config reserves (0 0 without `reserved`).
config_reserved() {
    perl -MJSON::PP -e 'local $/; my $r = decode_json(<STDIN>)->{reserved} || {};
        printf "%d %d\n", $r->{flash_bytes} || 0, $r->{ram_bytes} || 0' < "$1"
}

json_string() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }

# link_boards [--update]: see the top of this file.
link_boards() {
    local update=0
    if [ "${1:-}" = --update ]; then update=1; elif [ $# -gt 0 ]; then echo "usage: link_boards [--update]" >&2; return 2; fi
    [ -n "${TINYML:-}" ] && [ -x "$TINYML" ] || { echo "links.sh: error: \$TINYML must name the tinyml binary" >&2; return 1; }
    local work="$EMBEDDED_BUILD/links" entries=() limits=() p b core
    rm -rf "$work" && mkdir -p "$work"
    for p in "${LINK_PIPELINES[@]}"; do
        local dir=${p//-//} spec="Pipelines/${p//-//}/pipeline.json"
        for b in "${LINK_BOARDS[@]}"; do
            local config="$REPO_DIR/Pipelines/$dir/boards/$b.json" blob="$work/$p@$b.tmpl" elf="$work/$p@$b.elf"
            [ -f "$config" ] || { echo "links.sh: error: $p has no deployment config for $b ($config)" >&2; return 1; }
            core=$(board_core "$b")
            "$TINYML" export --target image --spec "$REPO_DIR/$spec" --out "$blob" --board "$b" --root "$REPO_DIR" >/dev/null \
                || { echo "links.sh: error: tinyml export --target image --spec $spec --board $b failed" >&2; return 1; }
            local heap stack memory rflash rram
            read -r heap stack memory < <(pipeline_link_memory "$p" "$b" "$core")
            read -r rflash rram < <(config_reserved "$config")
            local linked=true error=null sizes_from=image log="$work/$p@$b.lld.log"
            if ! link_board_image "$b" "$blob" "$elf" "$heap" "$stack" "$rflash" "$rram" 2> "$log"; then
                linked=false
                error=$(json_string "$(grep -m1 'error:' "$log" || tail -1 "$log")")
                sizes_from="link without heap, stack and reservations"
                link_board_image "$b" "$blob" "$elf" 0 0 0 0 2>> "$log" \
                    || { cat "$log" >&2; echo "links.sh: error: $p on $b does not link even without heap and stack" >&2; return 1; }
            fi
            local text=0 rodata=0 exidx=0 data=0 bss=0 vectors=0 name bytes
            while read -r name bytes; do
                case "$name" in
                .text) text=$bytes ;; .rodata) rodata=$bytes ;; .ARM.exidx) exidx=$bytes ;;
                .data) data=$bytes ;; .bss) bss=$bytes ;; .testvectors) vectors=$bytes ;; unplaced) return 1 ;;
                esac
            done < <(elf_section_sizes "$elf" || echo "unplaced -1")
            local code=$(( text + rodata + exidx + vectors ))
            local flash_used=$(( code + data + rflash ))
            local ram_used=$(( data + bss + heap + stack + rram ))
            [ "$b" = k210 ] && ram_used=$(( ram_used + code ))
            local fields="\"pipeline\": \"$spec\", \"board\": \"$b\", \"core\": \"$core\", \"image_bytes\": $(stat -c %s "$blob")"
            fields+=", \"memory\": \"$memory\", \"heap_bytes\": $heap, \"stack_bytes\": $stack"
            fields+=", \"reserved_flash_bytes\": $rflash, \"reserved_ram_bytes\": $rram, \"linked\": $linked, \"error\": $error"
            fields+=", \"sizes_from\": \"$sizes_from\", \"text_bytes\": $(( text + exidx )), \"rodata_bytes\": $rodata"
            fields+=", \"data_bytes\": $data, \"bss_bytes\": $bss"
            fields+=", \"flash_used_bytes\": $flash_used, \"flash_capacity_bytes\": $(elf_symbol "$elf" _board_flash_capacity)"
            fields+=", \"ram_used_bytes\": $ram_used, \"ram_capacity_bytes\": $(elf_symbol "$elf" _board_ram_capacity)"
            entries+=("    \"$p@$b\": {$fields}")
            printf 'embedded: link %-20s %-10s %-6s flash %8d of %8d B, RAM %8d of %8d B (%s heap and stack)\n' "$p@$b" "$core" \
                "$([ $linked = true ] && echo fits || echo FAILS)" "$flash_used" "$(elf_symbol "$elf" _board_flash_capacity)" \
                "$ram_used" "$(elf_symbol "$elf" _board_ram_capacity)" "$memory"
        done
    done
    # The limit bites: a heap as large as the board's whole RAM must fail the link.
    for b in "${LINK_BOARDS[@]}"; do
        local blob="$work/${LINK_PIPELINES[0]}@$b.tmpl" elf="$work/limit@$b.elf" log="$work/limit@$b.lld.log" capacity
        capacity=$(elf_symbol "$work/${LINK_PIPELINES[0]}@$b.elf" _board_ram_capacity)
        if link_board_image "$b" "$blob" "$elf" "$capacity" "$LINK_FALLBACK_STACK" 0 0 2> "$log"; then
            echo "links.sh: error: $b links a heap of its whole RAM ($capacity B): Embedded/Board/$b/$b.ld does not bound the heap" >&2
            return 1
        fi
        grep -q "will not fit in region" "$log" \
            || { cat "$log" >&2; echo "links.sh: error: $b: the oversized link failed without a region overflow" >&2; return 1; }
        limits+=("    \"$b\": {\"pipeline\": \"Pipelines/${LINK_PIPELINES[0]}/pipeline.json\", \"heap_bytes\": $capacity, \"linked\": false, \"error\": $(json_string "$(grep -m1 'will not fit in region' "$log")")}")
    done
    local out="$EMBEDDED_BUILD/links.json" i
    {
        echo "{"
        echo "  \"toolchain\": \"$(swiftc --version 2>/dev/null | head -1); $("$LLD" --version | head -1)\","
        echo "  \"fallback\": {\"heap_bytes\": $LINK_FALLBACK_HEAP, \"stack_bytes\": $LINK_FALLBACK_STACK},"
        echo "  \"links\": {"
        for ((i = 0; i < ${#entries[@]}; i++)); do echo "${entries[$i]}$([ $i -lt $((${#entries[@]} - 1)) ] && echo ,)"; done
        echo "  },"
        echo "  \"limit_checks\": {"
        for ((i = 0; i < ${#limits[@]}; i++)); do echo "${limits[$i]}$([ $i -lt $((${#limits[@]} - 1)) ] && echo ,)"; done
        echo "  }"
        echo "}"
    } > "$out"
    perl -MJSON::PP -e 'local $/; decode_json(<STDIN>)' < "$out" || { echo "links.sh: error: $out is not valid JSON" >&2; return 1; }
    local committed="$EMBEDDED_DIR/links.json"
    if [ $update = 1 ]; then
        cp "$out" "$committed"
        echo "embedded: wrote Embedded/links.json (${#entries[@]} pipeline/board links)"
        return 0
    fi
    [ -f "$committed" ] || { echo "links.sh: error: Embedded/links.json is missing; run Embedded/check.sh --update" >&2; return 1; }
    local stale=0 line
    while IFS= read -r line; do
        case "$line" in *'"linked"'*)
            grep -qxF -- "${line%,}" <(sed 's/,$//' "$committed") || { echo "embedded: changed: $line" >&2; stale=1; } ;;
        esac
    done < "$out"
    [ "$(grep -c '"linked"' "$out")" = "$(grep -c '"linked"' "$committed")" ] || stale=1
    if [ $stale = 1 ]; then
        echo "links.sh: error: board links differ from Embedded/links.json (diff $out Embedded/links.json); if the change is intended, run Embedded/check.sh --update (link_boards --update) and commit it" >&2
        return 1
    fi
    echo "embedded: ${#entries[@]} pipeline/board links match Embedded/links.json"
}
