/// An `.npy`/`.npz` file that cannot be written, as a case; `description` is one line.
public enum NpzError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file system refused (`reason` as the system states it).
    case io(path: String, reason: String)
    /// A member or the archive reached 4 GiB (plain zip; zip64 is not written).
    case tooLarge(member: String)
    /// An array the `.npy` codec refuses.
    case npy(NpyError)

    public var description: String {
        switch self {
        case .io(let path, let reason): return "cannot write '\(path)': \(reason)"
        case .tooLarge(let member): return "npz member '\(member)' or the archive reaches 4 GiB (zip64 is not written)"
        case .npy(let e): return e.description
        }
    }

    /// Runs `body`, turning an `OutputFile.Failure` into `.io`.
    static func io<T>(_ body: () throws(OutputFile.Failure) -> T) throws(NpzError) -> T {
        do {
            return try body()
        } catch {
            throw .io(path: error.path, reason: error.reason)
        }
    }
}
