/* The measuring program of Tools/measure/c_export.py for a whole exported pipeline
   (`tinyml export --target c --pipeline`): the C twin of the Swift firmware's PipelineRun
   (Embedded/Firmware/PipelineRun.swift). It pushes the recording linked in as the firmware's test
   input (raw TML_PIPELINE_SAMPLE_FORMAT values) through tml_pipeline_push one hop of HOP_FRAMES
   frames at a time (the last hop may be shorter), counts the instructions of each push alone
   (board_instructions()), keeps the events of a hop in a fixed buffer and prints them after it, as
   the example main.c does:
       event <kind> sample <N> label <label> confidence <8 hex digits of the float>
   then
       setup instructions <init> hops <H> instructions <total> worst <most in one hop> finish <N> stack <bytes>
   and, built with -DHELPER_PROFILE (Xtensa LX106), the run-time helpers the pushes called:
       helpers float calls <N> instructions <N> integer calls <N> instructions <N> double calls <N> instructions <N>
   Exits non-zero on a pipeline error, a partial frame or more than EVENT_CAPACITY events in a hop. */
#include <stdint.h>
#include "board.h"
#include "tml_pipeline.h"
#ifdef HELPER_PROFILE
#include "helper_profile.h"   /* Embedded/Board/xtensa-lx106: the pushes' run-time helper calls */
#endif

#ifndef HOP_FRAMES
#error "build with -DHOP_FRAMES=<frames per hop>"
#endif
#if TML_PIPELINE_SAMPLE_FORMAT == TML_SAMPLE_S16LE
#define VALUE_BYTES 2
#else
#define VALUE_BYTES 4
#endif
enum { EVENT_CAPACITY = 64, FRAME_BYTES = TML_PIPELINE_CHANNELS * VALUE_BYTES };

static tml_pipeline pipeline;
static float samples[HOP_FRAMES * TML_PIPELINE_CHANNELS];
static tml_event events[EVENT_CAPACITY];
static int event_count;

static void print(const char *text)
{
    unsigned long n = 0;
    while (text[n]) n++;
    board_write(text, n);
}

/* Decimal digits of a 64-bit value, dividing 16 bits at a time (LX106 has no 64-bit divider). */
static void print_decimal(uint64_t value)
{
    char digits[24];
    int n = (int)sizeof digits - 1;
    uint32_t limbs[4] = {(uint32_t)(value >> 48), (uint32_t)(value >> 32) & 0xffffu, (uint32_t)(value >> 16) & 0xffffu,
                         (uint32_t)value & 0xffffu};
    digits[n] = 0;
    do {
        uint32_t rest = 0, any = 0;
        int i;
        for (i = 0; i < 4; i++) {
            uint32_t part = rest << 16 | limbs[i];
            limbs[i] = part / 10;
            rest = part % 10;
            any |= limbs[i];
        }
        digits[--n] = (char)('0' + rest);
        if (!any) break;
    } while (1);
    print(digits + n);
}

static void print_field(const char *name, uint64_t value)
{
    print(name);
    print_decimal(value);
}

static void keep(const tml_event *e, void *ctx)
{
    (void)ctx;
    if (event_count < EVENT_CAPACITY) events[event_count] = *e;
    event_count++;
}

/* Prints the events one hop (or the finish) reported. */
static void report(void)
{
    int i, k;
    if (event_count > EVENT_CAPACITY) {
        print("c_pipeline_main: more than EVENT_CAPACITY events in one hop\n");
        board_exit(4);
    }
    for (i = 0; i < event_count; i++) {
        const tml_event *e = &events[i];
        union { float f; uint32_t u; } bits;
        char hex[9];
        if (e->sample < 0) {
            print("c_pipeline_main: an event with a negative sample index\n");
            board_exit(5);
        }
        bits.f = e->confidence;
        for (k = 0; k < 8; k++) hex[k] = "0123456789abcdef"[(bits.u >> (28 - 4 * k)) & 15];
        hex[8] = 0;
        print("event ");
        print(tml_event_kind_name(e->kind));
        print_field(" sample ", (uint64_t)e->sample);
        print(" label ");
        print(tml_pipeline_label_name(e->label));
        print(" confidence ");
        print(hex);
        print("\n");
    }
    event_count = 0;
}

static void check(int status)
{
    if (status == TML_OK) return;
    print_field("c_pipeline_main: pipeline error ", (uint64_t)(uint32_t)-status);
    print("\n");
    board_exit(1);
}

/* The raw value at `p`, scaled as the example main.c scales it. */
static float decode(const uint8_t *p)
{
#if TML_PIPELINE_SAMPLE_FORMAT == TML_SAMPLE_S16LE
    int32_t raw = (int32_t)p[0] | (int32_t)p[1] << 8;
    if (raw >= 32768) raw -= 65536;
    return (float)raw * TML_PIPELINE_SAMPLE_SCALE;
#else
    union { float f; uint32_t u; } v;
    v.u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return v.f * TML_PIPELINE_SAMPLE_SCALE;
#endif
}

int main(int argc, char **argv)
{
    const uint8_t *stream = firmware_input();
    const unsigned long bytes = firmware_input_size();
    unsigned long offset = 0;
    uint64_t start, setup, total = 0, worst = 0, finish, hops = 0;
#ifdef HELPER_PROFILE
    HelperProfile before, after, pushes = {{0, 0, 0}, {0, 0, 0}};
    int k;
#endif
    (void)argc;
    (void)argv;
    if (bytes % FRAME_BYTES != 0) {
        print("c_pipeline_main: the stream ends inside a frame\n");
        return 2;
    }
    start = board_instructions();
    check(tml_pipeline_init(&pipeline));
    setup = board_instructions() - start;
    while (offset < bytes) {
        unsigned long frames = (bytes - offset) / FRAME_BYTES, i, spent;
        if (frames > HOP_FRAMES) frames = HOP_FRAMES;
        for (i = 0; i < frames * TML_PIPELINE_CHANNELS; i++) samples[i] = decode(stream + offset + i * VALUE_BYTES);
        offset += frames * FRAME_BYTES;
#ifdef HELPER_PROFILE
        before = helper_profile();
#endif
        start = board_instructions();
        check(tml_pipeline_push(&pipeline, samples, frames * TML_PIPELINE_CHANNELS, keep, 0));
        spent = (unsigned long)(board_instructions() - start);
#ifdef HELPER_PROFILE
        after = helper_profile();
        for (k = 0; k < HELPER_KINDS; k++) {
            pushes.calls[k] += after.calls[k] - before.calls[k];
            pushes.instructions[k] += after.instructions[k] - before.instructions[k];
        }
#endif
        total += spent;
        if (spent > worst) worst = spent;
        hops++;
        report();
    }
    start = board_instructions();
    check(tml_pipeline_finish(&pipeline, keep, 0));
    finish = board_instructions() - start;
    report();
    print_field("setup instructions ", setup);
    print_field(" hops ", hops);
    print_field(" instructions ", total);
    print_field(" worst ", worst);
    print_field(" finish ", finish);
    print_field(" stack ", board_stack_peak());
    print("\n");
#ifdef HELPER_PROFILE
    print_field("helpers float calls ", pushes.calls[HELPER_FLOAT]);
    print_field(" instructions ", pushes.instructions[HELPER_FLOAT]);
    print_field(" integer calls ", pushes.calls[HELPER_INTEGER]);
    print_field(" instructions ", pushes.instructions[HELPER_INTEGER]);
    print_field(" double calls ", pushes.calls[HELPER_DOUBLE]);
    print_field(" instructions ", pushes.instructions[HELPER_DOUBLE]);
    print("\n");
#endif
    return 0;
}
