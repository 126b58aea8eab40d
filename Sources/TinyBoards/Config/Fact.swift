import TinyFormats

/// A figure or feature of a board together with where it comes from (datasheet name, section,
/// URL). In profile files: `{"value": 480000000, "source": "ST DS12110 Rev 10 §3.1 ..."}`.
public struct Fact<Value: Sendable>: Sendable {
    public let value: Value
    public let source: String

    public init(_ value: Value, source: String) {
        self.value = value
        self.source = source
    }
}

extension JSONReader {
    /// A `{"value": <number>, "source": "..."}` fact holding a positive number.
    public func numberFact(_ key: String) throws(JSONError) -> Fact<Double> {
        let o = try object(key)
        return Fact(try o.number("value", positive: true), source: try o.string("source"))
    }

    /// A `{"value": <integer>, "source": "..."}` fact holding a positive integer (bytes, hertz).
    public func integerFact(_ key: String) throws(JSONError) -> Fact<Int> {
        let o = try object(key)
        return Fact(try o.integer("value", minimum: 1), source: try o.string("source"))
    }

    /// A `{"value": "<text>", "source": "..."}` fact.
    public func textFact(_ key: String) throws(JSONError) -> Fact<String> {
        let o = try object(key)
        return Fact(try o.string("value"), source: try o.string("source"))
    }
}
