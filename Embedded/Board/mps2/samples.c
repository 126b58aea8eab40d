// The sample-source hook on QEMU mps2 (Cortex-M7/M4): CMSDK APB UART0 at 0x40004000, which QEMU
// connects to `-serial` (a FIFO pair in Embedded/check.sh), polled, with the framing of framing.h.
#include <stdint.h>
#include "board.h"
#include "framing.h"

typedef struct {
    volatile uint32_t data, state, control, interrupt, baud_divider;
} CMSDKUART;
#define UART0 ((CMSDKUART *)0x40004000u)
enum { STATE_RX_FULL = 2, CONTROL_TX_ENABLE = 1, CONTROL_RX_ENABLE = 2 };

static uint8_t uart_read_byte(void) {
    while ((UART0->state & STATE_RX_FULL) == 0) {}
    return (uint8_t)UART0->data;
}

unsigned long board_read_samples(uint8_t *buffer, unsigned long capacity) {
    if ((UART0->control & CONTROL_RX_ENABLE) == 0) {
        UART0->baud_divider = 16;
        UART0->control = CONTROL_TX_ENABLE | CONTROL_RX_ENABLE;
    }
    return framed_read(uart_read_byte, buffer, capacity);
}
