import Foundation
import Testing
import TinyFormats
import TinyBoards
import TinyTestSupport

/// The energy maths on hand-checkable numbers, the power figures' parsing, `--battery` parsing,
/// and the shipped profiles and reports.
///
/// Fixture: 3.0 V; run 10 mA (5..20) = 30 mW (15..60); sleep 10 µA (5..20) = 30 µW (15..60);
/// wake-up 1 µJ. The synthetic board runs 1,000,000 instructions at CPI 2 (1..3) and 100 MHz:
/// 20 ms (10..30) per inference, on a 0.1 s stride at duty cycle 0.5 (10 ms active on average).
@Suite struct EnergyModelTests {
    typealias F = ReportFixtures

    static let power = """
    {"supply_volts": {"value": 3.0, "source": "test"},
     "run": {"milliamps": {"nominal": 10, "low": 5, "high": 20}, "source": "test run"},
     "sleep": {"mode": "test sleep", "microamps": {"nominal": 10, "low": 5, "high": 20}, "source": "test sleep"},
     "wake": {"microjoules": {"nominal": 1, "low": 1, "high": 1}, "source": "test wake"},
     "sampling": {"unknown": "not sourced"}}
    """

    static func energy(power: String? = Self.power, stride: Int = 1600, battery: Battery = .cr2032) throws -> EnergyReport {
        let profile = try F.board(power: power)
        let config = try F.config(stride: stride)
        var r = ReportCalculator.report(profile: profile, config: config, footprint: F.footprint,
                                        measurements: try F.measurements(F.complete))
        EnergyModel.attach(to: &r, profile: profile, config: config, battery: battery)
        return try #require(r.energy)
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func energyIsCurrentTimesVoltageTimesTime() throws {
        let e = try Self.energy()
        // µJ = I·V·t: 10 mA × 3 V × 20 ms = 600 µJ per inference; low 5 mA × 10 ms, high 20 mA × 30 ms.
        #expect(Self.close(e.perInference?.nominal, 600e-6) && Self.close(e.perInference?.low, 150e-6)
                && Self.close(e.perInference?.high, 1800e-6))
        // Per stride: the duty-cycled 10 ms of activity.
        #expect(Self.close(e.perHop?.nominal, 300e-6) && Self.close(e.worstHop?.nominal, 600e-6))
        #expect(Self.close(e.runWatts?.nominal, 30e-3))
    }

    @Test func averagePowerSleepsTheRestOfTheStrideAndWakesOnce() throws {
        let e = try Self.energy()
        // (30 mW × 10 ms + 30 µW × 90 ms + 1 µJ) / 100 ms = 3.037 mW.
        #expect(Self.close(e.averageWatts?.nominal, 3.037e-3))
        // Low: (15 mW × 5 ms + 15 µW × 95 ms + 1 µJ) / 100 ms; high: (60 mW × 15 ms + 60 µW × 85 ms + 1 µJ) / 100 ms.
        #expect(Self.close(e.averageWatts?.low, (15e-3 * 5e-3 + 15e-6 * 95e-3 + 1e-6) / 0.1))
        #expect(Self.close(e.averageWatts?.high, (60e-3 * 15e-3 + 60e-6 * 85e-3 + 1e-6) / 0.1))
        #expect(e.excluded.count == 1 && e.excluded[0].contains("sampling") && e.excluded[0].contains("not sourced"))
    }

    @Test func aStrideShorterThanTheWorkNeverSleeps() throws {
        // 100-sample stride (6.25 ms): 10 ms of average work > the period, so the core runs all the time.
        let e = try Self.energy(stride: 100)
        #expect(Self.close(e.averageWatts?.nominal, 30e-3) && Self.close(e.averageWatts?.high, 60e-3))
    }

    @Test func batteryLifeIsStoredEnergyOverAveragePower() throws {
        #expect(Self.close(Battery.cr2032.joules, 225 * 3.6 * 3.0) && Self.close(Battery.twoAA.joules, 2500 * 3.6 * 3.0))
        let e = try Self.energy()
        #expect(Self.close(e.batterySeconds?.nominal, 2430 / 3.037e-3))
        // The long life comes from the low power, the short from the high.
        #expect(Self.close(e.batterySeconds?.low, 2430 / (e.averageWatts?.high ?? 0)))
        let custom = try Self.energy(battery: try Battery.parse("1000@3.7"))
        #expect(Self.close(custom.batterySeconds?.nominal, 1000 * 3.6 * 3.7 / 3.037e-3))
    }

    @Test func measuredPipelineEnergyUsesTheMeanHopAndShowsTheWorst() throws {
        let profile = try F.board(power: Self.power)
        let config = try PipelineReportFixtures.config()
        var r = ReportCalculator.report(profile: profile, config: config, footprint: F.footprint,
                                        measurements: try PipelineReportFixtures.measurements(), links: PipelineReportFixtures.links())
        EnergyModel.attach(to: &r, profile: profile, config: config, battery: .cr2032)
        let e = try #require(r.energy)
        // Mean hop 1,000,000 × 2 / 100 MHz = 20 ms → 600 µJ; worst 3,000,000 → 60 ms → 1,800 µJ; one
        // inference per 1,600-sample stride = one hop.
        #expect(Self.close(e.perHop?.nominal, 600e-6) && Self.close(e.worstHop?.nominal, 1800e-6)
                && Self.close(e.worstHop?.high, 60e-3 * 1.5 * 60e-3))
        #expect(Self.close(e.perInference?.nominal, 600e-6))
        let text = ReportText.detail(r)
        #expect(text.contains("energy  600 µJ (150 µJ–1.80 mJ) per inference; mean hop 600 µJ") && text.contains("worst hop 1.80 mJ"))
        #expect(text.contains("battery CR2032 (225 mAh at 3.0 V)"))
    }

    @Test func unknownFiguresAreMarkedNotGuessed() throws {
        let none = try Self.energy(power: nil)
        #expect(none.perInference == nil && none.averageWatts == nil && none.unknown == ["the board profile has no power figures"])
        let noSleep = try Self.energy(power: Self.power.replacingOccurrences(
            of: #""microamps": {"nominal": 10, "low": 5, "high": 20}, "source": "test sleep""#, with: #""unknown": "no table""#))
        #expect(noSleep.perInference != nil && noSleep.averageWatts == nil && noSleep.batterySeconds == nil)
        #expect(noSleep.unknown.count == 1 && noSleep.unknown[0].contains("no table"))
        let noRun = try Self.energy(power: Self.power.replacingOccurrences(
            of: #""milliamps": {"nominal": 10, "low": 5, "high": 20}, "source": "test run""#, with: #""unknown": "no run table""#))
        #expect(noRun.perInference == nil && noRun.unknown == ["run power: no run table"])
        let noWake = try Self.energy(power: Self.power.replacingOccurrences(
            of: #""microjoules": {"nominal": 1, "low": 1, "high": 1}, "source": "test wake""#, with: #""unknown": "no wake figure""#))
        #expect(Self.close(noWake.averageWatts?.nominal, 3.027e-3) && noWake.excluded.contains { $0.contains("no wake figure") })
    }

    /// Each bad power object and the key its one-line error must name.
    static let badPower: [(String, String, String)] = [
        ("two units", power.replacingOccurrences(of: #""milliamps": {"nominal": 10, "low": 5, "high": 20},"#,
                                                 with: #""milliamps": {"nominal": 10, "low": 5, "high": 20}, "milliwatts": {"nominal": 1, "low": 1, "high": 1},"#),
         "test.json: power.run: expected exactly one of"),
        ("low above nominal", power.replacingOccurrences(of: #""nominal": 10, "low": 5"#, with: #""nominal": 10, "low": 11"#),
         "test.json: power.run.milliamps.low: must be at most 10"),
        ("current without supply", power.replacingOccurrences(of: #"{"value": 3.0, "source": "test"}"#, with: #"{"unknown": "x"}"#),
         "test.json: power.run.milliamps: a current needs a known supply_volts"),
        ("typo", power.replacingOccurrences(of: "\"wake\"", with: "\"wakeup\""), "test.json: power.wakeup: unknown key"),
    ]

    @Test(arguments: badPower)
    func badPowerFiguresFailNamingTheKey(_ c: (String, String, String)) {
        #expect(throws: JSONError.self, "\(c.0)") { try F.board(power: c.1) }
        do { _ = try F.board(power: c.1) } catch { #expect("\(error)".contains(c.2), "\(c.0): \(error)") }
    }

    @Test func batteryArgumentParsing() throws {
        let coin = try Battery.parse("cr2032"), aa = try Battery.parse("2XAA")
        #expect(coin == .cr2032 && aa == .twoAA)
        let custom = try Battery.parse("1000@3.7")
        #expect(custom.milliampHours == 1000 && custom.volts == 3.7)
        let bad: [(String, Battery.ParseError)] = [
            ("aaa", .unknownName("aaa")), ("1000", .unknownName("1000")), ("@3", .badCapacity("@3")),
            ("-5@3", .badCapacity("-5@3")), ("100@0", .badVoltage("100@0")), ("100@x", .badVoltage("100@x")),
            ("100@3@4", .unknownName("100@3@4")), ("nan@3", .badCapacity("nan@3")),
        ]
        for (text, expected) in bad {
            #expect(throws: expected, "\(text)") { try Battery.parse(text) }
        }
        #expect(!Battery.ParseError.badVoltage("1@0").description.contains("\n"))
    }

    @Test func summaryAndPictureShowTheEnergy() throws {
        let profile = try F.board(power: Self.power)
        let config = try F.config()
        var r = ReportCalculator.report(profile: profile, config: config, footprint: F.footprint, measurements: try F.measurements(F.complete))
        EnergyModel.attach(to: &r, profile: profile, config: config, battery: .twoAA)
        let rows = ReportText.summary([r]).split(separator: "\n")
        #expect(rows[0].contains("µJ / inference") && rows[1].contains("600 µJ") && rows[1].contains("3.04 mW"))
        let svg = ReportPicture.svg([r])
        #expect(svg.contains("600 µJ per inference") && svg.contains("average 3.04 mW") && svg.contains("2×AA alkaline: 103 days"))
    }

    static let layout = ProjectLayout(root: TestPaths.repoRoot.path)

    @Test func everyShippedProfileHasSourcedOrExplainedPowerFigures() throws {
        for b in try BoardProfile.loadAll(directory: Self.layout.boardsDirectory) {
            let p = try #require(b.power, "\(b.id): no power figures")
            for (name, figure) in [("run", p.run), ("sleep", p.sleep), ("wake", p.wake), ("sampling", p.sampling)] {
                switch figure {
                case .known(_, _, let source): #expect(source.count > 40, "\(b.id) \(name): a figure without a real source")
                case .unknown(let why): #expect(why.count > 20, "\(b.id) \(name): unknown without a reason")
                }
            }
            #expect(p.sleepMode != nil, "\(b.id): the sleep mode is not named")
        }
        let byID = Dictionary(uniqueKeysWithValues: try BoardProfile.loadAll(directory: Self.layout.boardsDirectory).map { ($0.id, $0) })
        // nRF52840 PS: ICPU0 3.3 mA at 3 V; ION_RAMON_RTC 3.16 µA. ESP32-S3: 132.36 mW single core at 240 MHz, light-sleep 240 µA at 3.3 V.
        #expect(Self.close(byID["nrf52840"]?.power?.run.estimate?.nominal, 9.9e-3) && Self.close(byID["nrf52840"]?.power?.sleep.estimate?.nominal, 9.48e-6))
        #expect(Self.close(byID["esp32s3"]?.power?.run.estimate?.nominal, 132.36e-3) && Self.close(byID["esp32s3"]?.power?.sleep.estimate?.nominal, 792e-6))
    }

    @Test func everyShippedReportCarriesEnergy() throws {
        let measurements = try Measurements(files: Self.layout.measurementFiles)
        let links = try BoardLinks(contentsOf: Self.layout.linksFile, displayName: "Embedded/links.json")
        for (pipeline, boards) in Self.layout.deploymentFiles().sorted(by: { $0.key < $1.key }) {
            for board in boards.keys.sorted() {
                let config = try Self.layout.loadDeployment(pipeline: pipeline, board: board)
                guard FileManager.default.fileExists(atPath: Self.layout.modelPath(config.model)) else { continue }
                let profile = try BoardProfile.load(id: board, directory: Self.layout.boardsDirectory)
                var r = ReportCalculator.report(profile: profile, config: config, footprint: try ModelFootprint(modelAt: Self.layout.modelPath(config.model)),
                                                measurements: measurements, links: links)
                EnergyModel.attach(to: &r, profile: profile, config: config, battery: .cr2032)
                let e = try #require(r.energy, "\(pipeline) on \(board)")
                if profile.power?.run.estimate != nil && r.latency != nil {
                    #expect(e.perInference != nil && e.averageWatts != nil && e.batterySeconds != nil, "\(pipeline) on \(board): \(e.unknown)")
                    #expect(ReportText.detail(r).contains("per inference;"))
                } else {
                    #expect(!e.unknown.isEmpty && ReportText.detail(r).contains("energy  unknown:"), "\(pipeline) on \(board)")
                }
            }
        }
    }
}
