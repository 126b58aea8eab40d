/// Energy, average power and battery life of one deployment, from its finished latency figures
/// and the board's power figures (`PowerProfile`). An estimate: QEMU instruction counts × the
/// board's CPI model / clock give the active time, × datasheet run power give the energy; nothing
/// here was measured with a power meter.
///
/// With `t(x)` the active time at CPI bound x (nominal, low, high: the CPI range of the latency
/// model), `P_run`, `P_sleep`, `P_sampling` the board's powers and `E_wake` its wake-up energy,
/// each with its low/high range, and `T` the report's period (`strideSeconds`: the hop period of
/// a measured pipeline, else the stride):
///
/// - per hop      E_hop   = P_run × t_active, t_active = average load × T (a measured pipeline:
///                the mean hop; summed parts: always-on + duty cycle × the rest of one stride)
/// - worst hop    E_worst = P_run × t_worst (a measured pipeline: its worst hop; parts: one whole
///                inference, front end included)
/// - per inference E_inf  = E_hop × stride / T for a measured pipeline (the mean work of the hops
///                of one stride, one inference among them); parts: P_run × latency
/// - average power P_avg  = (P_run × a + P_sleep × (T − a) + E_wake × [T > a]) / T + P_sampling,
///                a = min(t_active, T): active for the hop time, asleep for the rest of the
///                period, one wake-up per period when it sleeps at all
/// - battery life  L      = battery energy (mAh × 3.6 × V) / P_avg
///
/// Ranges: low bounds pair the low CPI with the low powers, high bounds the high ones (battery
/// life: low from the high average power). A missing run or sleep power makes the figures that
/// need it unknown; a missing wake-up energy or sampling power is left out, and the report says so.
public enum EnergyModel {
    /// Sets `report.energy` for the board `profile` and the config's stride.
    public static func attach(to report: inout DeploymentReport, profile: BoardProfile, config: DeploymentConfig,
                              battery: Battery) {
        report.energy = estimate(report: report, power: profile.power, strideSeconds: config.strideSeconds, battery: battery)
    }

    /// The energy figures of `r`; `strideSeconds` is the config's stride (one inference each).
    public static func estimate(report r: DeploymentReport, power: PowerProfile?, strideSeconds: Double,
                                battery: Battery) -> EnergyReport {
        guard let power else {
            return EnergyReport(battery: battery, unknown: ["the board profile has no power figures"])
        }
        var unknown: [String] = [], excluded: [String] = [], sources: [String] = []
        if let v = power.supplyVolts { sources.append("supply \(v.value) V: \(v.source)") }
        guard let l = r.latency, let averageLoad = r.averageLoad else {
            return EnergyReport(battery: battery, sleepMode: power.sleepMode, unknown: ["latency not measured"])
        }
        let run: Estimate
        switch power.run {
        case .unknown(let why):
            return EnergyReport(battery: battery, sleepMode: power.sleepMode, unknown: ["run power: \(why)"], sources: sources)
        case .known(let e, _, let source):
            run = e
            sources.append("run power: \(source)")
        }
        // Times at the CPI range of the latency model.
        func time(_ seconds: Double) -> Estimate {
            Estimate(nominal: seconds, low: seconds * l.cyclesPerInstructionLow / l.cyclesPerInstruction,
                     high: seconds * l.cyclesPerInstructionHigh / l.cyclesPerInstruction)
        }
        let period = r.strideSeconds
        let active = time(averageLoad * period)
        let perHop = run * active
        let worstHop = run * time(r.hop?.worstSeconds ?? l.seconds)
        let perInference = r.hop != nil ? perHop.scaled(strideSeconds / period) : run * time(l.seconds)

        var wake = Estimate(exactly: 0)
        switch power.wake {
        case .known(let e, _, let source): wake = e; sources.append("wake-up: \(source)")
        case .unknown(let why): excluded.append("wake-up energy not included: \(why)")
        }
        var sampling = Estimate(exactly: 0)
        switch power.sampling {
        case .known(let e, _, let source): sampling = e; sources.append("sampling peripheral: \(source)")
        case .unknown(let why): excluded.append("always-on sampling peripheral not included: \(why)")
        }
        var average: Estimate?
        switch power.sleep {
        case .unknown(let why):
            unknown.append("sleep power, so average power and battery life: \(why)")
        case .known(let sleep, _, let source):
            sources.append("sleep: \(source)")
            func watts(_ run: Double, _ t: Double, _ sleep: Double, _ wake: Double, _ sampling: Double) -> Double {
                let a = min(t, period)
                return (run * a + sleep * (period - a) + (a < period ? wake : 0)) / period + sampling
            }
            average = Estimate(nominal: watts(run.nominal, active.nominal, sleep.nominal, wake.nominal, sampling.nominal),
                               low: watts(run.low, active.low, sleep.low, wake.low, sampling.low),
                               high: watts(run.high, active.high, sleep.high, wake.high, sampling.high))
        }
        return EnergyReport(battery: battery, runWatts: run, sleepMode: power.sleepMode, perHop: perHop, worstHop: worstHop,
                            perInference: perInference, averageWatts: average, unknown: unknown, excluded: excluded,
                            sources: sources)
    }
}

/// The energy figures of a deployment (`EnergyModel`), in SI units: joules, watts, seconds.
public struct EnergyReport: Sendable {
    public let battery: Battery
    /// Run power used (W); nil when unknown.
    public let runWatts: Estimate?
    /// The sleep mode between hops.
    public let sleepMode: String?
    /// Energy of the mean hop (measured pipeline) or of the average active time per stride (J).
    public let perHop: Estimate?
    /// Energy of the worst hop (measured pipeline) or of one whole inference (J).
    public let worstHop: Estimate?
    /// Energy per inference: the work of one stride (J).
    public let perInference: Estimate?
    /// Average power over the period at the config's stride and duty cycle (W).
    public let averageWatts: Estimate?
    /// Figures that could not be computed, with the reason.
    public let unknown: [String]
    /// Parts left out of the average (unsourced wake-up energy or sampling peripheral).
    public let excluded: [String]
    /// Where the power figures come from.
    public let sources: [String]

    init(battery: Battery, runWatts: Estimate? = nil, sleepMode: String? = nil, perHop: Estimate? = nil, worstHop: Estimate? = nil,
         perInference: Estimate? = nil, averageWatts: Estimate? = nil, unknown: [String] = [], excluded: [String] = [],
         sources: [String] = []) {
        self.battery = battery
        self.runWatts = runWatts
        self.sleepMode = sleepMode
        self.perHop = perHop
        self.worstHop = worstHop
        self.perInference = perInference
        self.averageWatts = averageWatts
        self.unknown = unknown
        self.excluded = excluded
        self.sources = sources
    }

    /// Battery life in seconds: battery energy / average power (low bound from the high power).
    public var batterySeconds: Estimate? {
        averageWatts.map { Estimate(nominal: battery.joules / $0.nominal, low: battery.joules / $0.high, high: battery.joules / $0.low) }
    }
}
