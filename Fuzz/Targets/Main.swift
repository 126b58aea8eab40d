// The libFuzzer entry points of the one fuzz binary (built by Fuzz/build.sh): the target named by
// the environment variable FUZZ_TARGET receives every input. `FUZZ_TARGET=list` prints the table
// (name, the -max_len its corpus is run with, what it covers) and exits; an unknown or missing
// name prints it to stderr and exits with status 2.
//
// A target returns normally for every input, accepted or refused: a refusal is a thrown, typed
// error. A crash, a trap (overflow, out-of-range index, failed precondition, a broken invariant the
// target checks with `fuzzCheck`), an AddressSanitizer report, a leak, a hang past -timeout or memory
// past -rss_limit_mb is a finding.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One fuzz target: a parser reached from the bytes of one input.
struct FuzzTarget {
    let name: String
    /// The input length its runs use (`-max_len`).
    let maxLength: Int
    let summary: String
    let run: (_ input: [UInt8]) -> Void
}

let fuzzTargets: [FuzzTarget] = [
    FuzzTarget(name: "tflite", maxLength: 65536, summary: "TinyLite .tflite reader, arena plan and one invoke",
               run: fuzzTFLite),
    FuzzTarget(name: "audio-file", maxLength: 16384, summary: "AudioFileReader on a seekable descriptor (libsndfile + our header checks), every frame",
               run: fuzzAudioFile),
    FuzzTarget(name: "audio-pipe", maxLength: 16384, summary: "AudioFileReader on a pipe (WAV/AIFF/AU relayed, other formats spooled)",
               run: fuzzAudioPipe),
    FuzzTarget(name: "pcm", maxLength: 8192, summary: "PCMStreamReader on a pipe through AudioStream (downmix, resampling); 6 option bytes first",
               run: fuzzPCM),
    FuzzTarget(name: "csv", maxLength: 8192, summary: "CSVSensorReader on a pipe (CSVFieldSplitter, FloatFieldParser); 2 option bytes first",
               run: fuzzCSV),
    FuzzTarget(name: "lines", maxLength: 8192, summary: "ByteLineReader with small buffers, output checked against a plain split; 2 option bytes first",
               run: fuzzLines),
    FuzzTarget(name: "npy", maxLength: 4096, summary: ".npy codec (NpyArray) and runtime tensors (NpyTensor)",
               run: fuzzNpy),
    FuzzTarget(name: "pipeline", maxLength: 16384, summary: "pipeline.json of any of the four pipelines (AnyPipeline: PipelineDocument + each loader), engine configuration",
               run: fuzzPipeline),
    FuzzTarget(name: "device-image", maxLength: 4096, summary: "binary images a device links (PipelineImage, FrontEndImage, SensorWindowImage), read in place",
               run: fuzzDeviceImage),
    FuzzTarget(name: "board-config", maxLength: 16384, summary: "board JSON: JSONReader, DeploymentConfig (with and without pipeline facts), BoardProfile, Measurements, BoardLinks",
               run: fuzzBoardConfig),
    FuzzTarget(name: "baseline", maxLength: 16384, summary: "anomaly baseline file (BaselineFile.load), its Gaussian baseline",
               run: fuzzBaseline),
]

nonisolated(unsafe) var selectedTarget: FuzzTarget?

/// Traps (a finding) when an invariant of a parser's output does not hold.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz invariant: " + message()) }
}

private func printTable(to stream: UnsafeMutablePointer<FILE>) {
    for target in fuzzTargets {
        fputs("\(target.name)\t\(target.maxLength)\t\(target.summary)\n", stream)
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
    if name == "list" {
        printTable(to: stdout)
        exit(0)
    }
    guard let target = fuzzTargets.first(where: { $0.name == name }) else {
        fputs("FUZZ_TARGET must name a target (got '\(name)'); the targets:\n", stderr)
        printTable(to: stderr)
        exit(2)
    }
    selectedTarget = target
    FuzzFiles.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget!.run(input)
    return 0
}
