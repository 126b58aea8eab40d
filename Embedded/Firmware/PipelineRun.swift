import FirmwareBoard
import TinyCore
import TinyDSP
import TinyLite
import TinyPipeline

/// The application firmware: a whole pipeline on the device. Reads the linked-in `PipelineImage`
/// ("TMPL", `tinyml export --target image`), loads its model where it lies in flash, builds the
/// same `PipelineEngine` the host tools run (over `PortableRealFFT`), then streams samples through
/// it one hop at a time — from the recording linked into `.testvectors`, or, when none is linked,
/// from the board's sample source (`board_read_samples`: the UART on QEMU; I2S/PDM or ADC DMA on
/// a real board) — and prints each decision as one line:
///
///     pipeline <name> kind <kind> rate <Hz> channels <C> format <s16le|f32le> hop <frames> source <recording|uart>
///     setup instructions <N> allocations <A>
///     event <kind> sample <N> label <label or -> confidence <8 hex digits: the Float's bits>
///     hops <H> instructions <total> worst <most in one hop> finish <instructions>
///     allocations after setup <n>
///     heap <peak bytes> stack <peak bytes>
///
/// A hop is `configuration.hopSamples` frames (one stride for KWS and gestures, one front-end
/// frame for anomaly and wildlife); its instructions are those of `push` alone — front end,
/// quantisation, model when it runs, post-processing — not the sample conversion or printing.
/// Events are kept in a fixed buffer while a hop is timed and printed after it. Nothing is
/// allocated after set-up (counted by the board's allocator, and printed). Exit status 2 when
/// the image or the stream is refused.
enum PipelineRun {
    static let eventCapacity = 64

    static func run(image bytes: UnsafeRawBufferPointer) -> Never {
        let setupStart = board_instructions()
        let image: PipelineImage
        do { image = try PipelineImage(bytes: bytes) } catch { fail(error) }
        var interpreter: Interpreter? = nil
        if image.configuration.needsModel {
            do {
                interpreter = Interpreter(graph: try loadLiteModel(image.model, math: .portable, constants: .inPlace).graph)
            } catch {
                print("firmware: error: the pipeline's model does not load (\(LoadFailure(error).name))")
                board_exit(2)
            }
        }
        let engine: PipelineEngine<PortableRealFFT>
        do {
            engine = try PipelineEngine(configuration: image.configuration, interpreter: interpreter) { size throws(DSPError) in
                try PortableRealFFT(size: size)
            }
        } catch { fail(error) }

        let channels = image.channelCount
        let hop = image.configuration.hopSamples
        let valueBytes = image.format.encoding.bytesPerValue
        let raw = UnsafeMutableRawPointer.allocate(byteCount: hop * channels * valueBytes, alignment: 4)
        let samples = UnsafeMutablePointer<Float>.allocate(capacity: hop * channels)
        let events = UnsafeMutablePointer<PipelineEvent>.allocate(capacity: eventCapacity)
        var source = SampleSource()
        let setupInstructions = board_instructions() - setupStart
        let setupAllocations = board_allocations()

        Console.put("pipeline "); Console.put(image.name); Console.put(" kind "); Console.put(image.configuration.kindName)
        Console.put(" rate "); Console.put(image.sampleRate); Console.put(" channels "); Console.put(channels)
        Console.put(" format "); Console.put(image.format.encoding.name); Console.put(" hop "); Console.put(hop)
        Console.put(" source "); Console.put(source.name); Console.newline()
        Console.put("setup instructions "); Console.put(setupInstructions)
        Console.put(" allocations "); Console.put(UInt64(setupAllocations)); Console.newline()

        var hops = 0
        var total: UInt64 = 0, worst: UInt64 = 0
        var count = 0
        let keep: (PipelineEvent) -> Void = { event in
            if count < eventCapacity { events[count] = event }
            count += 1
        }
        while true {
            let frameBytes = channels * valueBytes
            let got = source.read(into: raw, count: hop * frameBytes)
            guard got > 0 else { break }
            guard got % frameBytes == 0 else {
                print("firmware: error: the stream ended inside a frame (\(got % frameBytes) of \(frameBytes) bytes)")
                board_exit(2)
            }
            image.format.decode(raw, count: got / valueBytes, into: samples)
            count = 0
            let start = board_instructions()
            do {
                try engine.push(UnsafeBufferPointer(start: samples, count: got / valueBytes), onEvent: keep)
            } catch { fail(error) }
            let spent = board_instructions() - start
            total += spent
            worst = max(worst, spent)
            hops += 1
            report(events, count, labels: image.labels)
        }
        count = 0
        let finishStart = board_instructions()
        do { try engine.finish(onEvent: keep) } catch { fail(error) }
        let finish = board_instructions() - finishStart
        report(events, count, labels: image.labels)

        Console.put("hops "); Console.put(hops); Console.put(" instructions "); Console.put(total)
        Console.put(" worst "); Console.put(worst); Console.put(" finish "); Console.put(finish); Console.newline()
        Console.put("allocations after setup "); Console.put(UInt64(board_allocations() - setupAllocations)); Console.newline()
        Console.put("heap "); Console.put(UInt64(board_heap_peak())); Console.put(" stack "); Console.put(UInt64(board_stack_peak()))
        Console.newline()
        board_exit(0)
    }

    /// Prints the events one hop reported (more than `eventCapacity` in one hop is refused).
    static func report(_ events: UnsafeMutablePointer<PipelineEvent>, _ count: Int, labels: [String]) {
        guard count <= eventCapacity else {
            print("firmware: error: \(count) events in one hop (at most \(eventCapacity))")
            board_exit(2)
        }
        for i in 0 ..< count {
            let e = events[i]
            Console.put("event "); Console.put(e.kind.name); Console.put(" sample "); Console.put(e.sample)
            Console.put(" label ")
            if e.label >= 0 && e.label < labels.count { Console.put(labels[e.label]) } else { Console.put("-") }
            Console.put(" confidence "); Console.putHex(e.confidence.bitPattern); Console.newline()
        }
    }

    static func fail(_ error: PipelineError) -> Never {
        print("firmware: error: \(error.description)")
        board_exit(2)
    }
}

/// Where samples come from: the recording linked into `.testvectors` (conformance runs), else the
/// board's `board_read_samples` hook (Embedded/Board/<board>/samples.c).
struct SampleSource {
    let recording: UnsafePointer<UInt8>
    let recordingBytes: Int
    var offset = 0

    init() {
        recording = firmware_input()
        recordingBytes = Int(firmware_input_size())
    }

    var name: StaticString { recordingBytes > 0 ? "recording" : "uart" }

    /// Fills up to `count` bytes; fewer only at the end of the stream, 0 after it.
    mutating func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if recordingBytes > 0 {
            let n = min(count, recordingBytes - offset)
            buffer.copyMemory(from: recording + offset, byteCount: n)
            offset += n
            return n
        }
        var filled = 0
        while filled < count {
            let n = Int(board_read_samples(buffer.assumingMemoryBound(to: UInt8.self) + filled, UInt(count - filled)))
            if n == 0 { break }
            filled += n
        }
        return filled
    }
}
