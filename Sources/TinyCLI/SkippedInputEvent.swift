import TinyIO

extension SkippedInput {
    /// The live `--json` event every streaming tool prints for a skipped input value, as it is read:
    /// `{"event":"skipped","sample":N,"t":seconds,"line":L,"reason":"…","skipped_total":K}` (`line`
    /// for text input only). `sample` counts at the input's `rate`, substitutes included.
    public func jsonEvent(rate: Int, total: Int) -> JSONValue {
        var fields: [(String, JSONValue)] = [("event", .string("skipped")), ("sample", .int(frame)),
                                             ("t", .number(Double(frame) / Double(rate)))]
        if let line = problem.line { fields.append(("line", .int(line))) }
        return .object(fields + [("reason", .string(problem.description)), ("skipped_total", .int(total))])
    }

    /// The one stderr warning a human-mode tool prints for the first skipped value.
    public var firstWarning: String {
        "warning: skipping bad input (each skipped value stands for one sample, the previous good one; counted): \(problem)"
    }
}
