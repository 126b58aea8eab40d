import Foundation
import TinyTestSupport

/// Reads the `.npy` golden arrays written by `Tools/golden/dsp.py` (little-endian float32, int32,
/// int16, int8; C order) from `Tests/TinyDSPTests/Fixtures/dsp/`.
enum Golden {
    static func url(_ name: String) -> URL { TestPaths.fixture("TinyDSPTests", "dsp/\(name).npy") }

    /// The raw payload, dtype descriptor and shape of `name`.
    static func load(_ name: String) throws -> (descr: String, shape: [Int], payload: Data) {
        let data = try Data(contentsOf: url(name))
        let b = [UInt8](data)
        guard b.count > 10, b[0] == 0x93 else { throw CocoaError(.fileReadCorruptFile) }
        let headerLength = Int(b[8]) | Int(b[9]) << 8
        let header = String(decoding: b[10 ..< 10 + headerLength], as: UTF8.self)
        let descr = header.components(separatedBy: "'descr': '")[1].components(separatedBy: "'")[0]
        let shapeText = header.components(separatedBy: "'shape': (")[1].components(separatedBy: ")")[0]
        let shape = shapeText.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return (descr, shape, data.subdata(in: 10 + headerLength ..< data.count))
    }

    static func floats(_ name: String) throws -> (shape: [Int], values: [Float]) {
        let (descr, shape, payload) = try load(name)
        precondition(descr == "<f4", "\(name) is \(descr), not float32")
        return (shape, payload.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) })
    }

    static func ints(_ name: String) throws -> [Int] {
        let (descr, _, payload) = try load(name)
        switch descr {
        case "<i4": return payload.withUnsafeBytes { $0.bindMemory(to: Int32.self).map { Int($0) } }
        case "<i2": return payload.withUnsafeBytes { $0.bindMemory(to: Int16.self).map { Int($0) } }
        case "|i1": return payload.withUnsafeBytes { $0.bindMemory(to: Int8.self).map { Int($0) } }
        default: preconditionFailure("\(name) has dtype \(descr)")
        }
    }

    /// Rows of a 2-D float array.
    static func rows(_ name: String) throws -> [[Float]] {
        let (shape, v) = try floats(name)
        let width = shape.count > 1 ? shape[1] : v.count
        return stride(from: 0, to: v.count, by: width).map { Array(v[$0 ..< $0 + width]) }
    }

    /// A sparse filterbank fixture (`_start_i32`, `_length_i32`, `_weights`) as dense rows.
    static func sparseBank(_ name: String, bins: Int) throws -> [[Float]] {
        let starts = try ints("\(name)_start_i32"), lengths = try ints("\(name)_length_i32")
        let weights = try floats("\(name)_weights").values
        var offset = 0
        return zip(starts, lengths).map { start, length in
            var row = [Float](repeating: 0, count: bins)
            for j in 0 ..< length { row[start + j] = weights[offset + j] }
            offset += length
            return row
        }
    }

    /// Largest |a − b| over two equally long arrays.
    static func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "length \(a.count) vs \(b.count)")
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}
