import Foundation
import TinyFormats

/// One application image linked for a real board by `Embedded/links.sh` (`Embedded/links.json`,
/// `links.<pipeline>@<board>`): firmware + the pipeline's device image with the board's overrides,
/// placed by `Embedded/Board/<board>/<board>.ld` with the heap, stack and reservations it names.
/// `linked` false means lld refused it (`error`: its first error line, e.g. a region overflow);
/// the sizes then come from a link without heap, stack and reservations.
public struct BoardLink: Sendable, Equatable {
    public var pipeline: String
    public var board: String
    public var core: String
    public var imageBytes: Int
    /// "measured" (heap and stack from the pipelines section of the measurements) or "fallback".
    public var memory: String
    public var heapBytes: Int
    public var stackBytes: Int
    public var reservedFlashBytes: Int
    public var reservedRAMBytes: Int
    public var linked: Bool
    public var error: String?
    /// `.text + .ARM.exidx`, `.rodata` (which holds the device image), `.data`, `.bss`.
    public var textBytes: Int, rodataBytes: Int, dataBytes: Int, bssBytes: Int
    /// text + rodata + data + reserved flash.
    public var flashUsedBytes: Int
    public var flashCapacityBytes: Int
    /// data + bss + heap + stack + reserved RAM (+ text + rodata where the board runs from RAM).
    public var ramUsedBytes: Int
    public var ramCapacityBytes: Int

    public init(pipeline: String, board: String, core: String, imageBytes: Int, memory: String, heapBytes: Int,
                stackBytes: Int, reservedFlashBytes: Int, reservedRAMBytes: Int, linked: Bool, error: String?,
                textBytes: Int, rodataBytes: Int, dataBytes: Int, bssBytes: Int, flashUsedBytes: Int,
                flashCapacityBytes: Int, ramUsedBytes: Int, ramCapacityBytes: Int) {
        self.pipeline = pipeline
        self.board = board
        self.core = core
        self.imageBytes = imageBytes
        self.memory = memory
        self.heapBytes = heapBytes
        self.stackBytes = stackBytes
        self.reservedFlashBytes = reservedFlashBytes
        self.reservedRAMBytes = reservedRAMBytes
        self.linked = linked
        self.error = error
        self.textBytes = textBytes
        self.rodataBytes = rodataBytes
        self.dataBytes = dataBytes
        self.bssBytes = bssBytes
        self.flashUsedBytes = flashUsedBytes
        self.flashCapacityBytes = flashCapacityBytes
        self.ramUsedBytes = ramUsedBytes
        self.ramCapacityBytes = ramCapacityBytes
    }

    init(json o: JSONReader) throws(JSONError) {
        self.init(pipeline: try o.string("pipeline"), board: try o.string("board"), core: try o.string("core"),
                  imageBytes: try o.integer("image_bytes"), memory: try o.string("memory"), heapBytes: try o.integer("heap_bytes"),
                  stackBytes: try o.integer("stack_bytes"), reservedFlashBytes: try o.integer("reserved_flash_bytes"),
                  reservedRAMBytes: try o.integer("reserved_ram_bytes"), linked: try o.bool("linked"),
                  error: try o.optionalString("error"), textBytes: try o.integer("text_bytes"),
                  rodataBytes: try o.integer("rodata_bytes"), dataBytes: try o.integer("data_bytes"),
                  bssBytes: try o.integer("bss_bytes"), flashUsedBytes: try o.integer("flash_used_bytes"),
                  flashCapacityBytes: try o.integer("flash_capacity_bytes"), ramUsedBytes: try o.integer("ram_used_bytes"),
                  ramCapacityBytes: try o.integer("ram_capacity_bytes"))
    }
}

/// `Embedded/links.json`: the board links by `<pipeline>@<board>` key. A missing file reads as no
/// links (each report then says the link is missing).
public struct BoardLinks: Sendable {
    public private(set) var links: [String: BoardLink] = [:]
    /// The file read, or nil when there was none.
    public private(set) var file: String?

    public init(links: [String: BoardLink] = [:], file: String? = nil) {
        self.links = links
        self.file = file
    }

    public init(contentsOf path: String, displayName: String) throws(ConfigError) {
        guard FileManager.default.fileExists(atPath: path) else { self.init(); return }
        try self.init(json: ConfigError.reading { () throws(JSONError) in try JSONReader(contentsOf: path, displayName: displayName) })
    }

    public init(json root: JSONReader) throws(ConfigError) {
        file = root.file
        links = try ConfigError.reading { () throws(JSONError) in
            var links: [String: BoardLink] = [:]
            if let map = try root.optionalObject("links") {
                for (key, entry) in try map.objectMembers() { links[key] = try BoardLink(json: entry) }
            }
            return links
        }
    }

    public subscript(pipeline: String, board: String) -> BoardLink? { links["\(pipeline)@\(board)"] }
}
