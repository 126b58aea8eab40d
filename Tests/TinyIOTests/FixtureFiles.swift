import Foundation
import TinyTestSupport

/// Committed fixtures (Tools/golden/*.py) and scratch files for the TinyIO tests.
enum FixtureFiles {
    static func url(_ name: String) -> URL { TestPaths.fixture("TinyIOTests", name) }

    /// A fixture of little-endian fixed-width integers.
    static func littleEndian<T: FixedWidthInteger>(_ name: String, as: T.Type) throws -> [T] {
        let data = try Data(contentsOf: url(name))
        let size = MemoryLayout<T>.size
        return data.withUnsafeBytes { raw in
            (0 ..< data.count / size).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: size * $0, as: T.self)) }
        }
    }

    /// A little-endian float32 fixture.
    static func float32(_ name: String) throws -> [Float] {
        try littleEndian(name, as: UInt32.self).map(Float.init(bitPattern:))
    }

    /// A little-endian float64 fixture.
    static func float64(_ name: String) throws -> [Double] {
        try littleEndian(name, as: UInt64.self).map(Double.init(bitPattern:))
    }

    /// A little-endian int16 fixture.
    static func int16(_ name: String) throws -> [Int16] { try littleEndian(name, as: Int16.self) }

    /// A fresh empty directory under the system temporary directory, removed by the caller.
    static func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinyio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// max |a − b| (the arrays must have equal lengths).
    static func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}
