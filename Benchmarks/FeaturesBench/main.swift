// features-bench: times a feature spec over a long raw float32 signal, streaming it in hop-sized
// chunks (as a device would) through the FFTW-backed `FeatureExtractor` and through the portable
// `StreamingFrontEnd<PortableRealFFT>`, one thread, best of N runs, in thread CPU seconds. Prints one JSON object.
// A benchmark, not a test: driven by Benchmarks/features_vs_librosa.py.
//
//   features-bench SIGNAL.f32 [SPEC] [--repeats N] [--stride FRAMES] [--only fftw|portable] [--dump PREFIX]
//
// --dump PREFIX also writes every input of one untimed run per path to PREFIX.fftw.f32 and
// PREFIX.portable.f32 (float32, inputs concatenated), so two builds can be compared bit for bit.
import Foundation
import TinyDSP
import TinyFeatures

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("features-bench: error: \(message)\n".utf8))
    exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name) else { return fallback }
    guard i + 1 < arguments.count, let v = Int(arguments[i + 1]), v > 0 else { fail("\(name) needs a positive integer") }
    arguments.removeSubrange(i ... i + 1)
    return v
}
let repeats = option("--repeats", 3)
let strideOption = option("--stride", 0)
@MainActor func stringOption(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name) else { return nil }
    guard i + 1 < arguments.count else { fail("\(name) needs a value") }
    defer { arguments.removeSubrange(i ... i + 1) }
    return arguments[i + 1]
}
let only = stringOption("--only")
let dumpPrefix = stringOption("--dump")
guard let path = arguments.first else { fail("usage: features-bench SIGNAL.f32 [SPEC] [--repeats N] [--stride FRAMES]") }
let spec: FeatureSpec
do { spec = try FeatureSpec.load(arguments.count > 1 ? arguments[1] : "mlperf-kws") } catch { fail(error.description) }
guard let data = FileManager.default.contents(atPath: path), data.count % 4 == 0, !data.isEmpty else { fail("cannot read float32 samples from '\(path)'") }
let signal = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
// Default stride: consecutive non-overlapping clips (mlperf-kws: 50 hops = 1 s, 49 frames each).
let stride = strideOption > 0 ? strideOption : (spec.clipSamples + spec.frontEnd.hop - 1) / spec.frontEnd.hop
let chunk = spec.frontEnd.hop

/// CPU time of this thread (the machine is shared: wall time would count other processes' turns).
func threadSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func seconds(_ body: () -> Void) -> Double {
    let t0 = threadSeconds()
    body()
    return threadSeconds() - t0
}

/// Inputs kept by the untimed `--dump` run (nil while timing: the timed loop keeps nothing).
var dumped: [Float]? = nil

/// Streams the signal in hop-sized chunks through `feed` (which returns the inputs it produced
/// into `out`, adding their first value to `checksum`); returns CPU seconds, inputs, checksum.
/// With `dumped` set, every produced input is appended to it (one input buffer holds only the last).
@MainActor func stream(inputCount: Int, _ feed: (UnsafeBufferPointer<Float>, UnsafeMutablePointer<Float>, inout Double) -> Int) -> (Double, Int, Double) {
    var input = [Float](repeating: 0, count: inputCount)
    var count = 0
    var checksum = 0.0
    let keep = dumped != nil
    let t = seconds {
        signal.withUnsafeBufferPointer { s in
            input.withUnsafeMutableBufferPointer { out in
                var offset = 0
                while offset < s.count {
                    let n = min(chunk, s.count - offset)
                    let produced = feed(UnsafeBufferPointer(rebasing: s[offset ..< offset + n]), out.baseAddress!, &checksum)
                    if keep, produced > 0 {
                        precondition(produced == 1, "--dump needs at most one input per chunk (use a stride of at least one hop)")
                        dumped!.append(contentsOf: out)
                    }
                    count += produced
                    offset += n
                }
            }
        }
    }
    return (t, count, checksum)
}

/// FFTW path through the host extractor's push/pop API.
@MainActor func runFFTW() throws -> (Double, Int, Double) {
    let extractor = try FeatureExtractor(spec: spec, inputStride: stride)
    return stream(inputCount: extractor.inputCount) { samples, out, checksum in
        extractor.push(samples)
        var produced = 0
        while extractor.popInput(into: out) {
            produced += 1
            checksum += Double(out[0])
        }
        return produced
    }
}

/// Portable path through the pull protocol a microcontroller uses.
@MainActor func runPortable() throws -> (Double, Int, Double) {
    let frontEnd = try StreamingFrontEnd(configuration: spec.frontEnd, fft: try PortableRealFFT(size: spec.frontEnd.fftSize),
                                         inputStride: stride)
    return stream(inputCount: frontEnd.inputCount) { samples, out, checksum in
        var used = 0, produced = 0
        while used < samples.count {
            used += frontEnd.append(UnsafeBufferPointer(rebasing: samples[used...]))
            if frontEnd.hasInput {
                frontEnd.takeInput(into: out)
                produced += 1
                checksum += Double(out[0])
            }
        }
        return produced
    }
}

do {
    if let prefix = dumpPrefix {
        for (name, run) in [("fftw", runFFTW), ("portable", runPortable)] where only == nil || only == name {
            dumped = []
            _ = try run()
            let bytes = dumped!.withUnsafeBytes { Data($0) }
            guard FileManager.default.createFile(atPath: "\(prefix).\(name).f32", contents: bytes) else {
                fail("cannot write '\(prefix).\(name).f32'")
            }
            dumped = nil
        }
    }
    var best: [String: (Double, Int, Double)] = [:]
    for _ in 0 ..< repeats {
        for (name, run) in [("fftw", runFFTW), ("portable", runPortable)] where only == nil || only == name {
            let r = try run()
            if best[name] == nil || r.0 < best[name]!.0 { best[name] = r }
        }
    }
    var fields = ["\"spec\": \"\(spec.name)\"", "\"samples\": \(signal.count)", "\"stride_frames\": \(stride)",
                  "\"frames_per_input\": \(spec.frontEnd.framesPerWindow)"]
    for (name, r) in best.sorted(by: { $0.key < $1.key }) {
        fields += ["\"\(name)_seconds\": \(r.0)", "\"\(name)_inputs\": \(r.1)", "\"\(name)_checksum\": \(r.2)"]
    }
    print("{" + fields.joined(separator: ", ") + "}")
} catch {
    fail("\(error)")
}
