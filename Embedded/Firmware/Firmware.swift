import FirmwareBoard
import TinyDSP
import TinyPipeline

/// Bare-metal conformance and measurement firmware (Embedded Swift). The image links one blob in
/// `.rodata` and its test data in `.testvectors` (Embedded/Board/common/blobs.S):
/// - a .tflite model and int8/float input cases → `ModelRun` (TinyLite + TinyCore);
/// - a `FrontEndImage` (it starts with "TMFE") and float32 samples → `FrontEndRun` (TinyDSP);
/// - a `SensorWindowImage` ("TMSW") and float32 windows → `SensorWindowRun` (TinyDSP);
/// - a `PipelineImage` ("TMPL") and a recording in its sample format, or none (samples then come
///   from the board's sample source, the UART) → `PipelineRun`: the application (TinyPipeline).
/// Each prints, one line each, what Embedded/check.sh compares with the host and records.
/// Exit status 0 on success, 2 when the blob or its data are refused (3: a fault or trap, 4: out
/// of memory, from the board code).
@main struct Firmware {
    static func main() {
        let blob = UnsafeRawBufferPointer(start: firmware_model(), count: Int(firmware_model_size()))
        if starts(blob, with: FrontEndImage.magic) { FrontEndRun.run(image: blob) }
        if starts(blob, with: SensorWindowImage.magic) { SensorWindowRun.run(image: blob) }
        if starts(blob, with: PipelineImage.magic) { PipelineRun.run(image: blob) }
        ModelRun.run(model: blob)
    }

    static func starts(_ blob: UnsafeRawBufferPointer, with magic: [UInt8]) -> Bool {
        blob.count >= magic.count && magic.indices.allSatisfy { blob[$0] == magic[$0] }
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
