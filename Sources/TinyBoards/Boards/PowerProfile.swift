import TinyFormats
/// A nominal value with its plausible low/high range (`low <= nominal <= high`). Used for power
/// figures (where sources disagree, or a datasheet's typical and maximum differ) and for the
/// energy figures derived from them.
public struct Estimate: Sendable, Equatable {
    public let nominal: Double
    public let low: Double
    public let high: Double

    public init(nominal: Double, low: Double, high: Double) {
        self.nominal = nominal
        self.low = low
        self.high = high
    }

    /// A figure without spread.
    public init(exactly value: Double) { self.init(nominal: value, low: value, high: value) }

    /// Every bound scaled by `factor` (> 0).
    public func scaled(_ factor: Double) -> Estimate { Estimate(nominal: nominal * factor, low: low * factor, high: high * factor) }

    /// Bound-by-bound product: low × low, nominal × nominal, high × high (both factors positive).
    public static func * (a: Estimate, b: Estimate) -> Estimate {
        Estimate(nominal: a.nominal * b.nominal, low: a.low * b.low, high: a.high * b.high)
    }

    /// Bound-by-bound sum.
    public static func + (a: Estimate, b: Estimate) -> Estimate {
        Estimate(nominal: a.nominal + b.nominal, low: a.low + b.low, high: a.high + b.high)
    }
}

/// The power figures of a board (`power` in `Pipelines/boards/<board>.json`), each either sourced
/// or explicitly unknown with the reason; a report marks what rests on an unknown figure unknown
/// instead of guessing.
///
/// ```json
/// "power": {
///   "supply_volts": {"value": 3.0, "source": "..."},
///   "run":   {"milliamps": {"nominal": 3.3, "low": 2.8, "high": 6.3}, "condition": "...", "source": "..."},
///   "sleep": {"mode": "System ON, full RAM retained, RTC wake", "microamps": {"nominal": 3.16, "low": 3.16, "high": 3.16}, "source": "..."},
///   "wake":  {"unknown": "no wake-up energy in the product specification"},
///   "sampling": {"unknown": "..."}
/// }
/// ```
///
/// A figure holds exactly one of `milliamps`, `microamps`, `milliwatts` (`wake`: `microjoules`),
/// each `{"nominal", "low", "high"}` with `0 < low <= nominal <= high`; currents are turned into
/// power with `supply_volts` (P = I × V), which must then be known. `sampling` is the always-on
/// input peripheral (ADC/PDM/I2S + DMA) that stays on while the CPU sleeps.
public struct PowerProfile: Sendable {
    /// A sourced figure in SI units (watts, or joules for the wake-up), or the reason it is unknown.
    public enum Figure: Sendable {
        case known(Estimate, condition: String?, source: String)
        case unknown(String)

        public var estimate: Estimate? {
            if case .known(let e, _, _) = self { return e }
            return nil
        }
    }

    /// Supply voltage the currents were characterised at; nil when unknown (reason in `supplyUnknown`).
    public let supplyVolts: Fact<Double>?
    public let supplyUnknown: String?
    /// Power while the core runs the pipeline (watts).
    public let run: Figure
    /// The sleep mode between hops (RAM retained, timer wake-up) and its power (watts).
    public let sleepMode: String?
    public let sleep: Figure
    /// Energy to leave that sleep mode once (joules).
    public let wake: Figure
    /// Always-on sampling peripheral power (watts), added for the whole period.
    public let sampling: Figure

    /// Reads the `power` object; unknown keys are errors (checked by the profile's `finish()`).
    init(json o: JSONReader) throws(JSONError) {
        let supply = try o.object("supply_volts")
        if supply.has("unknown") {
            supplyVolts = nil
            supplyUnknown = try supply.string("unknown")
        } else {
            supplyVolts = Fact(try supply.number("value", positive: true), source: try supply.string("source"))
            supplyUnknown = nil
        }
        let volts = supplyVolts?.value
        run = try Self.figure(o.object("run"), units: Self.powerUnits, volts: volts)
        let sleepObject = try o.object("sleep")
        sleepMode = try sleepObject.optionalString("mode")
        sleep = try Self.figure(sleepObject, units: Self.powerUnits, volts: volts)
        wake = try Self.figure(o.object("wake"), units: ["microjoules": 1e-6], volts: volts)
        sampling = try Self.figure(o.object("sampling"), units: Self.powerUnits, volts: volts)
    }

    /// Unit key → factor to SI; currents (`*amps`) are multiplied by the supply voltage as well.
    static let powerUnits: [String: Double] = ["milliamps": 1e-3, "microamps": 1e-6, "milliwatts": 1e-3]

    /// One figure object: `{"<unit>": {nominal, low, high}, "condition"?, "source"}` or `{"unknown": reason}`.
    static func figure(_ o: JSONReader, units: [String: Double], volts: Double?) throws(JSONError) -> Figure {
        if o.has("unknown") {
            return .unknown(try o.string("unknown"))
        }
        let given = units.keys.sorted().filter { o.has($0) }
        guard given.count == 1, let unit = given.first, let factor = units[unit] else {
            throw JSONError.invalid(file: o.file, key: o.path, problem: "expected exactly one of \(units.keys.sorted().joined(separator: ", ")) "
                + "or \"unknown\" with the reason")
        }
        let range = try o.object(unit)
        let nominal = try range.number("nominal", positive: true)
        let low = try range.number("low", positive: true, atMost: nominal)
        let high = try range.number("high", atLeast: nominal)
        var si = factor
        if unit.hasSuffix("amps") {
            guard let volts else { throw o.invalid(unit, "a current needs a known supply_volts to give power") }
            si *= volts
        }
        return .known(Estimate(nominal: nominal, low: low, high: high).scaled(si), condition: try o.optionalString("condition"),
                      source: try o.string("source"))
    }
}
