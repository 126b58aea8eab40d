// tflite: the TinyLite .tflite reader (and TinyCore kernel preparation). A model that loads must
// also plan its arena and run once on zero inputs without a fault.

import TinyCore
import TinyLite

/// Deterministic stand-ins for expf/tanhf: the fuzzer exercises parsing, not numerics.
let fuzzMath = HostMath(exp: { x in x < -80 ? 0 : 1 / (1 - x + x * x / 2) }, tanh: { x in max(-1, min(1, x)) })

func fuzzTFLite(_ input: [UInt8]) {
    guard let model = try? loadLiteModel(input, math: fuzzMath) else { return }
    let graph = model.graph
    if graph.planArena().arenaBytes < 1 << 22 {
        Interpreter(graph: graph).invoke()
    }
}
