/// An error that may have been caused by a TinyIO input failure, which it keeps typed (the
/// pipelines' errors wrap the `IOError` of the audio or CSV they read), so that a tool can tell,
/// for example, an input that ended early (`IOError.endedEarly`) from any other failure.
public protocol WrapsIOError: Error {
    /// The input failure behind this error, or nil when it has another cause.
    var ioError: IOError? { get }
}

extension IOError: WrapsIOError {
    public var ioError: IOError? { self }
}
