// libFuzzer entry point over the TinyLite .tflite reader (and TinyCore kernel preparation).
// Built by Fuzz/run.sh with `swiftc -sanitize=fuzzer,address` together with the TinyCore and
// TinyLite sources; any crash, trap or out-of-bounds access is a finding.

/// Deterministic stand-ins for expf/tanhf: the fuzzer exercises parsing, not numerics.
let fuzzMath = HostMath(exp: { x in x < -80 ? 0 : 1 / (1 - x + x * x / 2) }, tanh: { x in max(-1, min(1, x)) })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let model = try? loadLiteModel(bytes, math: fuzzMath) else { return 0 }
    // A model that loads must also plan and run without faults (inputs are zero-filled).
    let graph = model.graph
    if graph.planArena().arenaBytes < 1 << 22 {
        let interpreter = Interpreter(graph: graph)
        interpreter.invoke()
    }
    return 0
}
