import TinyFormats

/// A bad board profile, deployment config, measurement file or the model or pipeline one names,
/// as a case; `description` is one line naming the file and, for a file's content, the offending
/// key (`Pipelines/kws/boards/nrf52840.json: stride_samples: expected an integer, got "fast"`).
public enum ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The content of a JSON file (a missing, mistyped, out-of-range or unknown key, a value that
    /// contradicts the file's name or location, bad JSON, an unreadable file).
    case json(JSONError)
    /// No `<id>.json` in the board directory.
    case noBoardProfile(id: String, expected: String)
    /// No pipeline of that name has board configs.
    case noPipeline(name: String, known: [String])
    /// The pipeline has no config for the board.
    case noBoardConfig(pipeline: String, board: String, has: [String])
    /// A model file that cannot be read.
    case unreadableModel(path: String)
    /// A model the runtime or the C exporter refuses.
    case badModel(path: String, problem: String)
    /// The pipeline file a config stands beside cannot give the config's facts.
    case pipeline(file: String, problem: String)

    public var description: String {
        switch self {
        case .json(let e): return e.description
        case .noBoardProfile(let id, let expected): return "no board profile '\(id)' (expected \(expected))"
        case .noPipeline(let name, let known):
            return "no pipeline '\(name)' with board configs under Pipelines/ (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
        case .noBoardConfig(let pipeline, let board, let has):
            return "pipeline '\(pipeline)' has no config for board '\(board)' (has: \(has.joined(separator: ", ")))"
        case .unreadableModel(let path): return "cannot read model file '\(path)'"
        case .badModel(let path, let problem): return "\(path): \(problem)"
        case .pipeline(let file, let problem): return "\(file): \(problem)"
        }
    }

    /// Runs `body`, turning a `JSONError` into `.json`.
    static func reading<T>(_ body: () throws(JSONError) -> T) throws(ConfigError) -> T {
        do {
            return try body()
        } catch {
            throw .json(error)
        }
    }
}
