import Foundation
import TinyCore
import TinyFormats

/// Model tensors as `.npy` files (`tinyml run --format npy`), through the one `.npy` codec
/// (`NpyArray`, which refuses malformed headers, overflowing or negative shapes and wrong data
/// sizes): int8, uint8, int16, int32, int64 and float32, little-endian, C order.
public enum NpyTensor {
    /// Reads an `.npy` file: its element type, shape and raw little-endian element bytes.
    public static func read(_ data: Data) throws(RuntimeError) -> (type: ElementType, shape: [Int], bytes: [UInt8]) {
        let array: NpyArray
        do {
            array = try NpyArray(npy: [UInt8](data))
        } catch {
            throw .npy(error)
        }
        guard let type = elementType(array.dtype) else {
            throw .npy(.unsupportedDType(array.dtype.descr))
        }
        return (type, array.shape, array.payload)
    }

    /// Encodes raw little-endian element bytes as an `.npy` (format 1.0) file.
    public static func write(type: ElementType, shape: [Int], bytes: [UInt8]) throws(RuntimeError) -> Data {
        do {
            return Data(try NpyArray(dtype: dtype(type), shape: shape, payload: bytes).fileBytes)
        } catch {
            throw .npy(error)
        }
    }

    static func elementType(_ dtype: NpyDType) -> ElementType? {
        switch dtype {
        case .int8: return .int8
        case .uint8: return .uint8
        case .int16: return .int16
        case .int32: return .int32
        case .int64: return .int64
        case .float32: return .float32
        case .unicode: return nil
        }
    }

    static func dtype(_ type: ElementType) -> NpyDType {
        switch type {
        case .int8: return .int8
        case .uint8, .bool: return .uint8
        case .int16: return .int16
        case .int32: return .int32
        case .int64: return .int64
        case .float32: return .float32
        }
    }
}
