/// The generated example program `example/main.c`: the pipeline's raw samples on stdin (or CSV with
/// `--csv`), one line an event on stdout.
enum CPipelineExample {
    static func main(source: CPipelineSource) -> String {
        let format = source.format.encoding == .s16le ? "s16le" : "f32le"
        return CPipelineText.banner + """
            /* Example: runs the pipeline over stdin and prints each event as one line,
                   event <kind> sample <N> label <label or -> confidence <the float's bits, 8 hex digits>
               stdin: raw \(format) values (TML_PIPELINE_CHANNELS a frame, interleaved), each scaled by
               TML_PIPELINE_SAMPLE_SCALE; with --csv, numbers separated by commas, spaces or new lines (lines
               with no number, e.g. a header, are skipped), scaled the same way. --windows prints window events
               too (pipelines that report them). Exit status 0, 1 on a pipeline error, 2 on bad usage. */
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include "tml_pipeline.h"

            #define CHUNK_FRAMES 1024

            static tml_pipeline pipeline;
            static float values[CHUNK_FRAMES * TML_PIPELINE_CHANNELS];
            static size_t value_count;
            static int print_windows;

            static void print_event(const tml_event *e, void *ctx)
            {
                uint32_t bits;
                (void)ctx;
                if (e->kind == TML_EVENT_WINDOW && !print_windows) return;
                memcpy(&bits, &e->confidence, sizeof bits);
                printf("event %s sample %lld label %s confidence %08lx\\n", tml_event_kind_name(e->kind), (long long)e->sample,
                       tml_pipeline_label_name(e->label), (unsigned long)bits);
            }

            static const char *describe(int status)
            {
                switch (status) {
                case TML_ERROR_ARGUMENT: return "bad argument";
                case TML_ERROR_NOT_FINITE: return "a sample is not finite";
                case TML_ERROR_PARTIAL_FRAME: return "the values are not whole frames";
                case TML_ERROR_UNIT: return "cannot tell the accelerometer unit (median |a| is not about 1 g, 1000 milli-g or 9.8 m/s2)";
                case TML_ERROR_CALIBRATION: return "the threshold could not be calibrated";
                case TML_ERROR_FINISHED: return "the stream has ended";
                default: return "unknown error";
                }
            }

            static void check(int status)
            {
                if (status == TML_OK) return;
                fprintf(stderr, "error: %s\\n", describe(status));
                exit(1);
            }

            /* Pushes the whole frames collected so far; keeps a partial frame. */
            static void push_frames(void)
            {
                const size_t whole = value_count - value_count % TML_PIPELINE_CHANNELS;
                check(tml_pipeline_push(&pipeline, values, whole, print_event, 0));
                memmove(values, values + whole, (value_count - whole) * sizeof values[0]);
                value_count -= whole;
            }

            static void add(float v)
            {
                values[value_count++] = v * TML_PIPELINE_SAMPLE_SCALE;
                if (value_count == sizeof values / sizeof values[0]) push_frames();
            }

            static void read_raw(void)
            {
            #if TML_PIPELINE_SAMPLE_FORMAT == TML_SAMPLE_S16LE
                enum { BYTES = 2 };
            #else
                enum { BYTES = 4 };
            #endif
                unsigned char bytes[4096 * BYTES];
                size_t have = 0, got, i;
                while ((got = fread(bytes + have, 1, sizeof bytes - have, stdin)) > 0) {
                    have += got;
                    for (i = 0; i + BYTES <= have; i += BYTES) {
            #if TML_PIPELINE_SAMPLE_FORMAT == TML_SAMPLE_S16LE
                        long raw = (long)bytes[i] | (long)bytes[i + 1] << 8;
                        if (raw >= 32768) raw -= 65536;
                        add((float)raw);
            #else
                        const uint32_t raw = (uint32_t)bytes[i] | (uint32_t)bytes[i + 1] << 8 | (uint32_t)bytes[i + 2] << 16
                            | (uint32_t)bytes[i + 3] << 24;
                        float v;
                        memcpy(&v, &raw, sizeof v);
                        add(v);
            #endif
                    }
                    memmove(bytes, bytes + i, have - i);
                    have -= i;
                }
            }

            static void read_csv(void)
            {
                static char line[65536];
                while (fgets(line, sizeof line, stdin) != 0) {
                    char *p = line, *end;
                    for (;;) {
                        float v;
                        while (*p == ',' || *p == ' ' || *p == '\\t' || *p == '\\r' || *p == '\\n' || *p == ';') ++p;
                        if (*p == '\\0') break;
                        v = strtof(p, &end);
                        if (end == p) break;          /* not a number: the rest of the line is skipped */
                        add(v);
                        p = end;
                    }
                }
            }

            int main(int argc, char **argv)
            {
                int i, csv = 0;
                for (i = 1; i < argc; ++i) {
                    if (strcmp(argv[i], "--csv") == 0) csv = 1;
                    else if (strcmp(argv[i], "--windows") == 0) print_windows = 1;
                    else {
                        fprintf(stderr, "usage: %s [--csv] [--windows] < samples\\n", argv[0]);
                        return 2;
                    }
                }
                check(tml_pipeline_init(&pipeline));
                tml_pipeline_report_windows(&pipeline, print_windows);
                if (csv) read_csv();
                else read_raw();
                push_frames();
                if (value_count != 0) {
                    fprintf(stderr, "error: the input ends inside a frame of %d values\\n", TML_PIPELINE_CHANNELS);
                    return 1;
                }
                check(tml_pipeline_finish(&pipeline, print_event, 0));
                return fflush(stdout) == 0 ? 0 : 1;
            }

            """
    }
}
