import FirmwareBoard
import TinyDSP

/// The feature half of the firmware: reads the linked-in `FrontEndImage`, builds TinyDSP's
/// `StreamingFrontEnd` over `PortableRealFFT` (the portable code, unchanged), streams the linked
/// float32 samples through it one hop at a time (as a DMA block would arrive), takes every input
/// (input stride 1) and quantises it when the image says how, and prints:
///
///     frontend setup instructions <N>
///     input <k> <hex of the input's float32 values, little-endian>
///     frontend frames <F> instructions <A> inputs <I> instructions <B> worst <W>
///     heap <peak bytes> stack <peak bytes>
///
/// `A` is every instruction spent in `append` (framing, window, FFT, spectrum, mel/statistics and,
/// unless finishing waits for the window, log and DCT) over `F` frames; `B` every instruction in
/// `takeInput` plus the int8 quantisation over `I` inputs, `W` the most one input took (the first:
/// a deferred window finishes all its frames, later ones reuse frames finished at the same peak
/// scale, so the worst input is what real time must allow for). Embedded/check.sh compares the
/// inputs with `tinyml features --fft portable` on the same samples, bit for bit.
enum FrontEndRun {
    static func run(image bytes: UnsafeRawBufferPointer) -> Never {
        let setupStart = board_instructions()
        let image: FrontEndImage
        let frontEnd: StreamingFrontEnd<PortableRealFFT>
        do {
            image = try FrontEndImage(bytes: bytes)
            frontEnd = try StreamingFrontEnd(configuration: image.configuration,
                                             fft: try PortableRealFFT(size: image.configuration.fftSize))
        } catch {
            print("firmware: error: \(error.description)")
            board_exit(2)
        }
        let count = frontEnd.inputCount
        let features = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let quantized = UnsafeMutablePointer<Int8>.allocate(capacity: count)
        print("frontend setup instructions \(board_instructions() - setupStart)")

        let samples = UnsafeRawPointer(firmware_input()).assumingMemoryBound(to: Float.self)
        let sampleCount = Int(firmware_input_size()) / 4
        let hop = image.configuration.hop
        var appendInstructions: UInt64 = 0, inputInstructions: UInt64 = 0, worstInput: UInt64 = 0
        var inputs = 0, offset = 0
        while offset < sampleCount {
            let block = UnsafeBufferPointer(start: samples + offset, count: min(hop, sampleCount - offset))
            let start = board_instructions()
            offset += frontEnd.append(block)
            appendInstructions += board_instructions() - start
            guard frontEnd.hasInput else { continue }
            let takeStart = board_instructions()
            frontEnd.takeInput(into: features)
            image.quantization?.quantize(features, into: quantized, count: count)
            let taken = board_instructions() - takeStart
            inputInstructions += taken
            worstInput = max(worstInput, taken)
            print("input \(inputs) ", terminator: "")
            Firmware.printHex(UnsafeRawBufferPointer(start: features, count: count * 4))
            inputs += 1
        }
        print("frontend frames \(frontEnd.framesProcessed) instructions \(appendInstructions) inputs \(inputs) instructions \(inputInstructions) worst \(worstInput)")
        print("heap \(board_heap_peak()) stack \(board_stack_peak())")
        board_exit(0)
    }
}
