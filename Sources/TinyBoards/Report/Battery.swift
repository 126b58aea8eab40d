import Foundation

/// The battery a report's battery life is computed for (`tinyml report --battery`): capacity and
/// nominal voltage, so its energy is capacity × voltage. Regulator efficiency and self-discharge
/// are ignored (an ideal converter delivers all of it), and so is the capacity's fall at high drain
/// and low temperature: the life is an upper bound for that battery.
public struct Battery: Sendable, Equatable {
    public let name: String
    public let milliampHours: Double
    public let volts: Double
    /// Where the capacity and voltage come from.
    public let source: String

    public init(name: String, milliampHours: Double, volts: Double, source: String) {
        self.name = name
        self.milliampHours = milliampHours
        self.volts = volts
        self.source = source
    }

    /// Stored energy in joules: mAh × 3.6 C/mAh × V.
    public var joules: Double { milliampHours * 3.6 * volts }

    /// A CR2032 lithium coin cell: 225 mAh at 3.0 V nominal.
    public static let cr2032 = Battery(
        name: "CR2032", milliampHours: 225, volts: 3.0,
        source: "Panasonic CR2032 nominal capacity 225 mAh at 3 V (as cited in issue 15 and in public nRF52 battery-life "
            + "calculators); rated at a light continuous drain, less at mA pulses")
    /// Two alkaline AA cells in series: about 2,500 mAh at 3.0 V (2 × 1.5 V nominal).
    public static let twoAA = Battery(
        name: "2×AA alkaline", milliampHours: 2500, volts: 3.0,
        source: "issue 15's figure of ~2,500 mAh for an alkaline AA at low drain (not checked against a cell datasheet here), "
            + "two cells in series at 1.5 V nominal each")

    /// Why a `--battery` value was refused.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case unknownName(String)
        case badCapacity(String)
        case badVoltage(String)

        public var description: String {
            let expected = "expected cr2032, 2xaa or <mAh>@<volts> such as 1000@3.7"
            switch self {
            case .unknownName(let v): return "--battery '\(v)': unknown battery (\(expected))"
            case .badCapacity(let v): return "--battery '\(v)': the capacity must be a positive number of mAh (\(expected))"
            case .badVoltage(let v): return "--battery '\(v)': the voltage must be a positive number of volts (\(expected))"
            }
        }
    }

    /// `cr2032`, `2xaa` (case-insensitive) or `<mAh>@<volts>` (`1000@3.7`).
    public static func parse(_ text: String) throws(ParseError) -> Battery {
        switch text.lowercased() {
        case "cr2032": return .cr2032
        case "2xaa": return .twoAA
        default: break
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .unknownName(text) }
        guard let mAh = Double(parts[0]), mAh.isFinite, mAh > 0 else { throw .badCapacity(text) }
        guard let volts = Double(parts[1]), volts.isFinite, volts > 0 else { throw .badVoltage(text) }
        return Battery(name: "\(String(format: "%g", mAh)) mAh at \(String(format: "%g", volts)) V", milliampHours: mAh, volts: volts,
                       source: "given with --battery")
    }
}
