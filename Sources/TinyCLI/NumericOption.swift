/// The check for numeric command-line options whose value scales, offsets or times data: NaN and
/// ±infinity parse as Doubles (`--scale nan`) and would poison everything downstream, so such an
/// option must be finite, and where it says so non-zero or positive. One line, naming the option.
public enum NumericOption {
    public enum Rule: Sendable {
        case finite, nonZero, positive

        var requirement: String {
            switch self {
            case .finite: return "a finite number"
            case .nonZero: return "a finite, non-zero number"
            case .positive: return "a finite number > 0"
            }
        }
    }

    /// Throws `.invalidOption` unless `value` (nil: not given) satisfies `rule`.
    public static func check(_ option: String, _ value: Double?, _ rule: Rule = .finite) throws(ToolError) {
        guard let value else { return }
        let ok: Bool
        switch rule {
        case .finite: ok = value.isFinite
        case .nonZero: ok = value.isFinite && value != 0
        case .positive: ok = value.isFinite && value > 0
        }
        if !ok { throw ToolError(.invalidOption(option: option, value: "\(value)", requirement: rule.requirement)) }
    }
}
