import FirmwareBoard
import TinyDSP

/// The motion half of the firmware's feature runs: reads the linked-in `SensorWindowImage` and
/// quantises every linked window (float32, `windowLength × channelCount`, time-major, the spec's
/// units) into the model's int8 input with TinyDSP's `Int8Quantizer`, as the device does once per
/// inference, and prints:
///
///     input <k> <hex of the int8 input>
///     window inputs <I> instructions <B>
///     heap <peak bytes> stack <peak bytes>
///
/// `B` counts the quantisation of all `I` windows. Embedded/check.sh compares the inputs with the
/// int8 features `tinyml features` writes for the same recording.
enum SensorWindowRun {
    static func run(image bytes: UnsafeRawBufferPointer) -> Never {
        let image: SensorWindowImage
        do {
            image = try SensorWindowImage(bytes: bytes)
        } catch {
            print("firmware: error: \(error.description)")
            board_exit(2)
        }
        let count = image.inputCount
        let size = Int(firmware_input_size())
        guard size > 0, size % (4 * count) == 0 else {
            print("firmware: error: \(size) input bytes are not whole windows of \(count) float32 values")
            board_exit(2)
        }
        let input = UnsafeMutablePointer<Int8>.allocate(capacity: count)
        let windows = UnsafeRawPointer(firmware_input()).assumingMemoryBound(to: Float.self)
        var instructions: UInt64 = 0
        for k in 0 ..< size / (4 * count) {
            let start = board_instructions()
            image.quantization.quantize(windows + k * count, into: input, count: count)
            instructions += board_instructions() - start
            print("input \(k) ", terminator: "")
            Firmware.printHex(UnsafeRawBufferPointer(start: input, count: count))
        }
        print("window inputs \(size / (4 * count)) instructions \(instructions)")
        print("heap \(board_heap_peak()) stack \(board_stack_peak())")
        board_exit(0)
    }
}
