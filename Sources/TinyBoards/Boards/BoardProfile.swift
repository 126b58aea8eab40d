import Foundation
import TinyFormats

/// A board (`Pipelines/boards/<board>.json`): core, ISA, clock, flash, RAM regions, features,
/// accelerators and the latency model, every figure with its source.
public struct BoardProfile: Sendable {
    /// How models run on the board.
    public enum Runtime: String, Sendable {
        /// The Swift core compiled as Embedded Swift (Cortex-M, RISC-V).
        case swiftEmbedded = "swift-embedded"
        /// The C99 library of `tinyml export --target c` (ESP32-S3: Xtensa has no Swift backend).
        case cExport = "c-export"
    }

    /// A contiguous RAM region (the arena must fit inside one).
    public struct Region: Sendable {
        public let name: String
        public let bytes: Fact<Int>
    }

    /// A named feature (FPU, DSP, vector unit, accelerator) with its source.
    public struct Feature: Sendable {
        public let name: String
        public let fact: Fact<String>
    }

    /// File stem and id ("stm32h743").
    public let id: String
    public let title: String
    public let runtime: Runtime
    public let core: Fact<String>
    public let isa: Fact<String>
    public let coreCount: Fact<Int>
    public let clockHz: Fact<Int>
    public let flashBytes: Fact<Int>
    /// True when the firmware runs from RAM (the boot ROM copies it there), so code and constants
    /// occupy RAM as well as flash (Kendryte K210).
    public let executesFromRAM: Fact<String>?
    public let regions: [Region]
    public let features: [Feature]
    public let latency: [CountSource]
    /// Run, sleep, wake-up and sampling power (`power`); nil when the profile has none, so that
    /// every energy figure of its reports is unknown.
    public let power: PowerProfile?
    public let notes: [String]

    public var ramBytes: Int { regions.reduce(0) { $0 + $1.bytes.value } }
    public var largestRegion: Region? { regions.max { $0.bytes.value < $1.bytes.value } }

    /// Reads a profile; unknown keys (at any level) are errors.
    public init(json o: JSONReader, id: String) throws(JSONError) {
        let board = try o.string("board")
        if board != id { throw o.invalid("board", "is \"\(board)\" but the file is named \(id).json") }
        self.id = id
        title = try o.string("title")
        let runtimeName = try o.string("runtime")
        guard let r = Runtime(rawValue: runtimeName) else {
            throw o.invalid("runtime", "expected \"swift-embedded\" or \"c-export\", got \"\(runtimeName)\"")
        }
        runtime = r
        core = try o.textFact("core")
        isa = try o.textFact("isa")
        coreCount = try o.integerFact("core_count")
        clockHz = try o.integerFact("clock_hz")
        flashBytes = try o.integerFact("flash_bytes")
        executesFromRAM = o.has("executes_from_ram") ? try o.textFact("executes_from_ram") : nil
        var regions: [Region] = []
        for region in try o.objects("ram_regions", allowEmpty: false) {
            regions.append(Region(name: try region.string("name"), bytes: try region.integerFact("bytes")))
        }
        self.regions = regions
        var features: [Feature] = []
        for f in try o.objects("features") {
            features.append(Feature(name: try f.string("name"), fact: Fact(try f.string("value"), source: try f.string("source"))))
        }
        self.features = features
        var latency: [CountSource] = []
        for entry in try o.objects("latency", allowEmpty: false) { latency.append(try CountSource(json: entry)) }
        self.latency = latency
        power = o.has("power") ? try PowerProfile(json: o.object("power")) : nil
        notes = o.has("notes") ? try o.strings("notes") : []
        try o.finish()
    }

    /// Loads `<directory>/<id>.json`.
    public static func load(id: String, directory: String) throws(ConfigError) -> BoardProfile {
        let path = (directory as NSString).appendingPathComponent("\(id).json")
        guard FileManager.default.fileExists(atPath: path) else {
            throw .noBoardProfile(id: id, expected: path)
        }
        return try ConfigError.reading { () throws(JSONError) in try BoardProfile(json: JSONReader(contentsOf: path), id: id) }
    }

    /// Every profile in `directory` (files `*.json` except the `measurements*.json` kept beside
    /// them), sorted by id.
    public static func loadAll(directory: String) throws(ConfigError) -> [BoardProfile] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var out: [BoardProfile] = []
        for file in files.sorted() where file.hasSuffix(".json") && !file.hasPrefix("measurements") {
            out.append(try load(id: String(file.dropLast(5)), directory: directory))
        }
        return out
    }
}
