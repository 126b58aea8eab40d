import FirmwareBoard
import TinyDSP

/// Bare-metal conformance and measurement firmware (Embedded Swift). The image links one blob in
/// `.rodata` and its test data in `.testvectors` (Embedded/Board/common/blobs.S):
/// - a .tflite model and int8/float input cases → `ModelRun` (TinyLite + TinyCore);
/// - a `FrontEndImage` (it starts with "TMFE") and float32 samples → `FrontEndRun` (TinyDSP).
/// Each prints, one line each, what Embedded/check.sh compares with the host and records.
/// Exit status 0 on success, 2 when the blob or its data are refused (3: a fault or trap, 4: out
/// of memory, from the board code).
@main struct Firmware {
    static func main() {
        let blob = UnsafeRawBufferPointer(start: firmware_model(), count: Int(firmware_model_size()))
        if blob.count >= FrontEndImage.magic.count, FrontEndImage.magic.indices.allSatisfy({ blob[$0] == FrontEndImage.magic[$0] }) {
            FrontEndRun.run(image: blob)
        }
        ModelRun.run(model: blob)
    }

    /// Lower-case hex of `bytes`, then a newline.
    static func printHex(_ bytes: UnsafeRawBufferPointer) {
        let digits: StaticString = "0123456789abcdef"
        for b in bytes {
            putchar(Int32(digits.utf8Start[Int(b >> 4)]))
            putchar(Int32(digits.utf8Start[Int(b & 15)]))
        }
        putchar(10)
    }
}
