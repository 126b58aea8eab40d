import TinyCore
import TinyLite

/// A one-word name for why `loadLiteModel` failed (Embedded Swift cannot print an enum's case).
struct LoadFailure {
    let name: StaticString

    init(_ error: LiteError) {
        switch error {
        case .malformed: name = "malformed flatbuffer"
        case .unsupportedOperators: name = "unsupported operators"
        case .unsupportedTensorType: name = "unsupported tensor type"
        case .bufferSizeMismatch: name = "buffer size mismatch"
        case .invalidGraph: name = "invalid graph"
        case .noSubgraph: name = "no subgraph"
        }
    }
}
