// The model and its test inputs, linked in from files named at build time
// (-DMODEL_FILE="..." -DINPUT_FILE="..."). The model goes to .rodata (it is part of a real image);
// the test inputs to .testvectors (harness only, reported apart).
    .section .rodata.firmware_model, "a"
    .balign 16
    .global firmware_model_start
firmware_model_start:
    .incbin MODEL_FILE
    .global firmware_model_end
firmware_model_end:

    .section .testvectors, "a"
    .balign 16
    .global firmware_input_start
firmware_input_start:
    .incbin INPUT_FILE
    .global firmware_input_end
firmware_input_end:
