// What the Swift firmware (Embedded/Firmware) needs from a board: output, exit, an instruction
// counter, the linked-in model and test inputs, and memory high-water marks. Implemented per
// board in Embedded/Board/<board>/ and Embedded/Board/common/.
#ifndef FIRMWARE_BOARD_H
#define FIRMWARE_BOARD_H
#include <stdint.h>

/// Writes `length` bytes of text to the console (semihosting on mps2, UART on virt), unbuffered.
void board_write(const char *text, unsigned long length);
/// One console byte, line-buffered (what Swift's `print` calls).
int putchar(int c);
/// Ends the program; QEMU exits with `status`.
__attribute__((noreturn)) void board_exit(int status);
/// Guest instructions retired since reset: exact (`minstret`) on RISC-V; on mps2 the CMSDK
/// timer under `-icount shift=0` (1 instruction = 1 ns, 25 MHz timer), so a multiple of 40.
uint64_t board_instructions(void);
/// The .tflite flatbuffer linked into the image, and the test inputs (raw, cases concatenated).
const uint8_t *firmware_model(void);
unsigned long firmware_model_size(void);
const uint8_t *firmware_input(void);
unsigned long firmware_input_size(void);
/// Deepest stack use since reset (bytes), from the painted stack region.
unsigned long board_stack_peak(void);
/// Largest number of heap bytes in use at once since reset (allocator payloads).
unsigned long board_heap_peak(void);
/// Heap allocations (malloc, calloc, posix_memalign calls) since reset.
unsigned long board_allocations(void);

/// THE SAMPLE-SOURCE HOOK: the one function a board owner writes for the application firmware.
/// Copies the next raw sample bytes of the live stream (the pipeline image's format: s16le audio,
/// f32le sensor values, frames interleaved) into `buffer`, at most `capacity`, waiting until at
/// least one byte is there; returns how many, or 0 when the stream has ended. On QEMU it reads the
/// UART (Embedded/Board/<board>/samples.c, the framing of Embedded/README.md); on a real board,
/// the I2S/PDM microphone or the ADC/IMU DMA buffer that just completed.
unsigned long board_read_samples(uint8_t *buffer, unsigned long capacity);

#endif
