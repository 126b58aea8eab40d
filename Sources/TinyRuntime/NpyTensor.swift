import Foundation
import TinyCore

/// Minimal `.npy` (format 1.0/2.0) reading and writing for single tensors of int8, uint8, int32
/// and float32, little-endian, C order — what `tinyml run --format npy` exchanges.
public enum NpyTensor {
    /// Reads an `.npy` file: returns its dtype and raw little-endian element bytes.
    public static func read(_ data: Data) throws(RuntimeError) -> (type: ElementType, shape: [Int], bytes: [UInt8]) {
        let b = [UInt8](data)
        guard b.count >= 10, b[0] == 0x93, b[1...5].elementsEqual("NUMPY".utf8) else {
            throw RuntimeError("not an .npy file")
        }
        let major = b[6]
        let headerLength: Int
        let start: Int
        if major == 1 {
            headerLength = Int(b[8]) | Int(b[9]) << 8
            start = 10
        } else {
            guard b.count >= 12 else { throw RuntimeError("truncated .npy header") }
            headerLength = Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24
            start = 12
        }
        guard headerLength >= 0, start + headerLength <= b.count else { throw RuntimeError("truncated .npy header") }
        let header = String(decoding: b[start ..< start + headerLength], as: UTF8.self)
        func field(_ key: String) -> String? {
            guard let r = header.range(of: "'\(key)':") else { return nil }
            return String(header[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        guard let descrField = field("descr"), let q1 = descrField.firstIndex(of: "'") else {
            throw RuntimeError(".npy header has no descr")
        }
        let afterQuote = descrField[descrField.index(after: q1)...]
        guard let q2 = afterQuote.firstIndex(of: "'") else { throw RuntimeError(".npy header has a bad descr") }
        let descr = String(afterQuote[..<q2])
        if let order = field("fortran_order"), order.hasPrefix("True") {
            throw RuntimeError(".npy arrays in Fortran order are not supported")
        }
        var shape: [Int] = []
        if let s = field("shape"), let open = s.firstIndex(of: "("), let close = s[open...].firstIndex(of: ")") {
            for part in s[s.index(after: open) ..< close].split(separator: ",") {
                let t = part.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { continue }
                guard let v = Int(t), v >= 0 else { throw RuntimeError(".npy header has a bad shape") }
                shape.append(v)
            }
        }
        let type: ElementType
        switch descr {
        case "|i1", "<i1", "i1": type = .int8
        case "|u1", "<u1", "u1": type = .uint8
        case "<i4": type = .int32
        case "<f4": type = .float32
        default: throw RuntimeError(".npy dtype '\(descr)' is not supported (int8, uint8, int32, float32)")
        }
        let payload = Array(b[(start + headerLength)...])
        var byteCount = type.byteWidth
        for dimension in shape {
            let (product, overflow) = byteCount.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw RuntimeError(".npy shape \(shape) is too large") }
            byteCount = product
        }
        if payload.count != byteCount {
            throw RuntimeError(".npy payload holds \(payload.count) bytes, shape \(shape) needs \(byteCount)")
        }
        return (type, shape, payload)
    }

    /// Encodes raw little-endian element bytes as an `.npy` (format 1.0) file.
    public static func write(type: ElementType, shape: [Int], bytes: [UInt8]) -> Data {
        let descr: String
        switch type {
        case .int8: descr = "|i1"
        case .uint8, .bool: descr = "|u1"
        case .int16: descr = "<i2"
        case .int32: descr = "<i4"
        case .int64: descr = "<i8"
        case .float32: descr = "<f4"
        }
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let total = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - total % 64) % 64) + "\n"
        var out = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let n = header.utf8.count
        out.append(contentsOf: [UInt8(n & 0xff), UInt8(n >> 8)])
        out.append(contentsOf: Array(header.utf8))
        out.append(contentsOf: bytes)
        return out
    }
}
