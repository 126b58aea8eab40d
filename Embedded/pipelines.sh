# The application firmware on every core: Embedded/Firmware/PipelineRun.swift runs a whole pipeline
# (front end, quantisation, model, post-processing: TinyPipeline's PipelineEngine) from a
# PipelineImage (`tinyml export --target image`) over a test stream `tinyml signal` makes from
# ../shared, and must print exactly the decisions the host CLI prints in --json with --fft portable:
# same sample index, label and Float bits of the confidence. KWS and gestures also stream live over
# the emulated UART. Sourced by Embedded/check.sh (after firmware.sh and links.sh, with $TINYML,
# $work, fail and section_size set); fills pipeline_entries with the measured figures for
# measurements.json.
BIN_DIR=$(dirname "$TINYML")
DATASETS=${TINYML_DATASETS:-$REPO_DIR/../shared/datasets}
pipeline_entries=()   # "key|the pipeline's fields|core|the core's fields" (render_grouped in check.sh)

# The pipeline runs: key (a pipeline file's directory below Pipelines/, '/' as '-', as links.sh and
# `tinyml report` name it), pipeline directory, and the `tinyml signal` stream it runs on.
PIPELINE_RUNS=(
    "kws Pipelines/kws kws"
    "kws-mlperf Pipelines/kws/mlperf kws"
    "anomaly Pipelines/anomaly anomaly"
    "anomaly-audio Pipelines/anomaly/audio machine"
    "gesture Pipelines/gesture gesture"
    "gesture-spells Pipelines/gesture/spells spells"
    "wildlife Pipelines/wildlife wildlife"
)

# host_events KIND PIPELINE_DIR SIGNAL_DIR SIGNAL [CLI flags...]: the host CLI's --json decisions
# on the signal, as the firmware prints them.
host_events() {
    local kind=$1 dir=$2 sig=$3 name=$4; shift 4
    case "$kind" in
    kws) "$BIN_DIR/kws-demo" "$sig/$name.wav" --pipeline "$dir" --json --fft portable "$@" 2>/dev/null \
        | perl -MJSON::PP -ne 'my $o = decode_json($_); next unless exists $o->{keyword};
            print "event detection sample $o->{sample} label $o->{keyword} confidence $o->{confidence_bits}\n"' ;;
    gesture) local rate   # the device takes the model's rate (a pipeline's inputRate may differ: the host resamples)
        rate=$(perl -MJSON::PP -e 'local $/; print decode_json(<STDIN>)->{features}{sampleRate}' < "$dir/pipeline.json")
        "$BIN_DIR/gesture-demo" "$sig/$name.csv" --pipeline "$dir" --rate "$rate" --json "$@" 2>/dev/null \
        | perl -MJSON::PP -ne 'my $o = decode_json($_);
            print "event detection sample $o->{sample} label $o->{label} confidence $o->{confidence_bits}\n"' ;;
    wildlife) "$BIN_DIR/wildlife-demo" "$sig/$name.wav" --pipeline "$dir" --json --fft portable "$@" 2>/dev/null \
        | perl -MJSON::PP -ne 'my $o = decode_json($_); next unless $o->{type} eq "event";
            print "event detection sample $o->{sample} label $o->{top}[0]{label} confidence $o->{confidence_bits}\n"' ;;
    anomaly) local rate
        rate=$(perl -MJSON::PP -e 'local $/; print decode_json(<STDIN>)->{features}{sampleRate}' < "$dir/pipeline.json")
        { "$BIN_DIR/anomaly-monitor" stream --pipeline "$dir" --format f32le --rate "$rate" --json --fft portable "$@" \
              < "$sig/$name.raw" 2>/dev/null || [ $? -le 3 ]; } \
        | perl -MJSON::PP -ne 'my $o = decode_json($_); next unless defined $o->{event};
            my %kind = (learned => "learned -", raised => "alarm-raised alarm", cleared => "alarm-cleared normal");
            my ($k, $l) = split / /, $kind{$o->{event}};
            print "event $k sample $o->{sample} label $l confidence $o->{confidence_bits}\n"' ;;
    esac
    # (anomaly-monitor exits 2 or 3 when an alarm was raised: not an error here.)
}

# cli_overrides PIPELINE BOARD_CONFIG: the host CLI flags for a board config's "overrides".
cli_overrides() {
    perl -MJSON::PP -e 'local $/; my $c = decode_json(<STDIN>); my $o = $c->{overrides} // {};
        my %flag = ("kws" => {strideSeconds => "--stride", threshold => "--threshold", averageSeconds => "--average",
                              suppressionSeconds => "--suppression", minimumCount => "--minimum-count"},
                    "anomaly" => {learningSeconds => "--learn"});
        for my $k (sort keys %$o) { my $f = $flag{$ARGV[0]}{$k} or die "no host flag for override $k of $ARGV[0]\n"; print "$f $o->{$k} " }' "$1" < "$2"
}

# frame_stream RAW FRAMED: the UART framing (u16 little-endian length + bytes, 0 = end).
frame_stream() {
    perl -e 'binmode STDIN; binmode STDOUT; while (my $n = read(STDIN, my $b, 4096)) { print pack("v", $n), $b } print pack("v", 0)' < "$1" > "$2"
}

# run_live CORE ELF FRAMED: runs the firmware with the framed stream on its UART.
run_live() {
    local core=$1 elf=$2 framed=$3
    core_settings "$core"
    if [ "$BOARD" = mps2 ]; then
        local fifo="$elf.uart"
        rm -f "$fifo.in" "$fifo.out" && mkfifo "$fifo.in" "$fifo.out"
        cat "$framed" > "$fifo.in" &
        local writer=$!
        timeout 300 "${QEMU[@]}" -nographic -monitor none -serial "pipe:$fifo" -icount shift=0 \
            -chardev stdio,id=console -semihosting-config enable=on,target=native,chardev=console \
            -kernel "$elf" < /dev/null
        local status=$?
        kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null
        rm -f "$fifo.in" "$fifo.out"
        return $status
    else
        timeout 300 "${QEMU[@]}" -nographic -monitor none -serial stdio -icount shift=0 -kernel "$elf" < "$framed"
    fi
}

# run_pipeline KEY PIPELINE_DIR BOARD(or -) IMAGE SIGNAL_DIR SIGNAL CORES...: device runs of the
# image over the signal, each compared with the host CLI (with the board's overrides).
run_pipeline() {
    local key=$1 dir=$2 board=$3 image=$4 sig=$5 name=$6; shift 6
    local kind=${key%%[-@]*} host="$work/pipe-$key.host" flags=()
    if [ "$board" != - ]; then
        local text
        text=$(cli_overrides "$kind" "$dir/boards/$board.json") || fail "pipeline $key: cannot run the board's overrides on the host"
        read -ra flags <<< "$text"
    fi
    host_events "$kind" "$dir" "$sig" "$name" "${flags[@]}" > "$host"
    [ -s "$host" ] || fail "pipeline $key: the host CLI made no decisions on $sig/$name"
    local rate hop
    for core in "$@"; do
        core_settings "$core"
        local elf="$work/pipe-$key-$core.elf" log="$work/pipe-$key-$core.log"
        link_firmware "$core" "$image" "$sig/$name.raw" "$elf"
        run_firmware "$core" "$elf" > "$log" 2>&1 || { cat "$log" >&2; fail "pipeline $key on $core: the firmware failed (log: $log)"; }
        diff <(grep '^event ' "$log") "$host" > "$log.diff" \
            || fail "pipeline $key on $core: decisions differ from the host CLI (device < > host: $log.diff)"
        read -r rate hop < <(awk '$1 == "pipeline" { print $6, $12 }' "$log")
        read -r _ setup _ setup_allocations < <(grep '^setup instructions ' "$log" | cut -d' ' -f2-)
        read -r _ hops _ total _ worst _ finish < <(grep '^hops ' "$log")
        read -r _ _ _ after < <(grep '^allocations after setup ' "$log")
        read -r _ heap _ stack < <(grep '^heap ' "$log")
        [ "$after" = 0 ] || fail "pipeline $key on $core: $after allocations after set-up (the device path must allocate nothing)"
        local fields="\"qemu_machine\": \"${QEMU[2]}\", \"hops\": $hops, \"instructions_per_hop_mean\": $(( (total + hops / 2) / hops ))"
        fields+=", \"instructions_per_hop_worst\": $worst, \"finish_instructions\": $finish, \"setup_instructions\": $setup"
        fields+=", \"heap_bytes\": $heap, \"stack_bytes\": $stack, \"allocations_after_setup\": $after"
        fields+=", \"text_bytes\": $(( $(section_size "$elf" .text) + $(section_size "$elf" .ARM.exidx) ))"
        fields+=", \"rodata_bytes\": $(section_size "$elf" .rodata), \"data_bytes\": $(section_size "$elf" .data), \"bss_bytes\": $(section_size "$elf" .bss)"
        local object="\"pipeline\": \"$dir/pipeline.json\", \"board\": $([ "$board" = - ] && echo null || echo "\"$board\"")"
        object+=", \"image_bytes\": $(stat -c %s "$image"), \"sample_rate_hz\": $rate, \"hop_samples\": $hop"
        object+=", \"signal\": \"tinyml signal $name\", \"decisions\": $(wc -l < "$host")"
        pipeline_entries+=("$key|$object|$core|$fields")
        printf 'embedded: pipeline %-20s %-10s %11d instructions/hop (worst %d)  %d decisions equal the host CLI\n' \
            "$key" "$core" "$(( (total + hops / 2) / hops ))" "$worst" "$(wc -l < "$host")"
        checked=$((checked + 1))
    done
}

# check_pipelines: every pipeline of PIPELINE_RUNS on every core, each board config with overrides
# on its board's core, and the live UART runs (gestures and KWS, every core).
check_pipelines() {
    local sig="$work/signals"
    if [ ! -d "$DATASETS" ]; then
        echo "embedded: skipping the pipelines (no datasets at $DATASETS; set TINYML_DATASETS)"; skipped+=(pipelines); return 0
    fi
    mkdir -p "$sig"
    local run key dir name board core config
    for run in "${PIPELINE_RUNS[@]}"; do
        read -r key dir name <<< "$run"
        if [ ! -f "$sig/$name.raw" ]; then
            "$TINYML" signal "$name" --data "$DATASETS" --out "$sig" > "$sig/$name.txt" || fail "tinyml signal $name failed"
        fi
        "$TINYML" export --target image --spec "$dir/pipeline.json" --out "$work/pipe-$key.tmpl" >/dev/null
        run_pipeline "$key" "$dir" - "$work/pipe-$key.tmpl" "$sig" "$name" "${CORES[@]}"
        for config in "$dir"/boards/*.json; do
            board=$(basename "$config" .json)
            core=$(board_core "$board" 2>/dev/null) || continue
            perl -MJSON::PP -e 'local $/; exit(%{decode_json(<STDIN>)->{overrides} // {}} ? 0 : 1)' < "$config" || continue
            "$TINYML" export --target image --spec "$dir/pipeline.json" --board "$board" --out "$work/pipe-$key@$board.tmpl" >/dev/null
            run_pipeline "$key@$board" "$dir" "$board" "$work/pipe-$key@$board.tmpl" "$sig" "$name" "$core"
        done
    done
    for key in gesture kws; do
        frame_stream "$sig/$key.raw" "$sig/$key.framed"
        for core in "${CORES[@]}"; do
            local elf="$work/live-$key-$core.elf" log="$work/live-$key-$core.log"
            link_firmware "$core" "$work/pipe-$key.tmpl" /dev/null "$elf"
            run_live "$core" "$elf" "$sig/$key.framed" > "$log" 2>&1 || { cat "$log" >&2; fail "live $key on $core: the firmware failed (log: $log)"; }
            grep -q ' source uart$' "$log" || fail "live $key on $core: the firmware did not read the UART (log: $log)"
            diff <(grep '^event ' "$log") "$work/pipe-$key.host" > "$log.diff" \
                || fail "live $key on $core: decisions over the UART differ from the host CLI (device < > host: $log.diff)"
            printf 'embedded: live UART %-19s %-10s %d bytes streamed, %d decisions equal the host CLI\n' \
                "$key" "$core" "$(stat -c %s "$sig/$key.raw")" "$(wc -l < "$work/pipe-$key.host")"
        done
    done
}

# check_c_exports: the full-pipeline C export (`tinyml export --target c --pipeline`) of every
# pipeline run (and board with overrides), built with the host gcc (-Werror -pedantic), must print
# the host CLI's decisions on the same signal; its sources must also compile clean with
# arm-none-eabi-gcc for Cortex-M4 and Cortex-M7. Needs check_pipelines to have run (host files).
check_c_exports() {
    [ -d "$work/signals" ] && [ ${#pipeline_entries[@]} -gt 0 ] || { echo "embedded: skipping the C exports (no pipeline runs)"; return 0; }
    local strict=(-std=c99 -O2 -ffp-contract=off -Wall -Wextra -Werror -pedantic)
    local run key dir name board config
    for run in "${PIPELINE_RUNS[@]}"; do
        read -r key dir name <<< "$run"
        local variants=(-)
        for config in "$dir"/boards/*.json; do
            board=$(basename "$config" .json)
            board_core "$board" >/dev/null 2>&1 || continue
            perl -MJSON::PP -e 'local $/; exit(%{decode_json(<STDIN>)->{overrides} // {}} ? 0 : 1)' < "$config" && variants+=("$board")
        done
        for board in "${variants[@]}"; do
            local id=$key out board_flag=()
            [ "$board" = - ] || { id="$key@$board"; board_flag=(--board "$board"); }
            out="$work/c-$id"
            rm -rf "$out"
            "$TINYML" export --target c --pipeline "$dir" "${board_flag[@]}" --out "$out" > /dev/null \
                || fail "C export of $id: tinyml export --target c --pipeline $dir failed"
            make -s -C "$out" CC=gcc CFLAGS="${strict[*]}" > "$out/build.log" 2>&1 \
                || { cat "$out/build.log" >&2; fail "C export of $id: gcc ${strict[*]} failed"; }
            "$out/tml_pipeline_example" < "$work/signals/$name.raw" > "$out/events" 2> "$out/stderr" \
                || { cat "$out/stderr" >&2; fail "C export of $id: the example failed on $name.raw"; }
            diff <(grep '^event ' "$out/events") "$work/pipe-$id.host" > "$out/events.diff" \
                || fail "C export of $id: decisions differ from the host CLI (C < > host: $out/events.diff)"
            local cpu
            for cpu in "cortex-m4 -mfpu=fpv4-sp-d16" "cortex-m7 -mfpu=fpv5-d16"; do
                local src
                for src in "$out"/src/*.c "$out"/example/main.c; do
                    arm-none-eabi-gcc -mthumb -mcpu=${cpu% *} ${cpu#* } -mfloat-abi=hard "${strict[@]}" -I "$out/include" \
                        -c "$src" -o "$out/$(basename "$src" .c)-${cpu%% *}.o" 2> "$out/arm.log" \
                        || { cat "$out/arm.log" >&2; fail "C export of $id: arm-none-eabi-gcc -mcpu=${cpu% *} failed on $src"; }
                done
            done
            printf 'embedded: C export %-20s gcc and arm-none-eabi-gcc (M4, M7) clean, %d decisions equal the host CLI\n' \
                "$id" "$(wc -l < "$work/pipe-$id.host")"
        done
    done
}
