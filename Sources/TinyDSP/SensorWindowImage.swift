/// A motion pipeline's model input as a device builds it, in binary form (the sensor twin of
/// `FrontEndImage`): `windowLength` frames of `channelCount` values (time-major, the spec's units
/// after unit conversion, gains and resampling) quantised to int8 by `quantization`. The host
/// writes it from a sensor-window spec (`tinyml export --target frontend`); firmware reads it with
/// `init(bytes:)`.
///
/// Layout (version 1, `ImageWriter`'s encoding): `"TMSW"`, `u8` version, `i32` channelCount,
/// `i32` windowLength, the quantiser (scale, zero point, rounding code, min, max).
public struct SensorWindowImage: Sendable, Equatable {
    public static let magic: [UInt8] = [0x54, 0x4D, 0x53, 0x57]  // "TMSW"
    public static let version: UInt8 = 1

    public var channelCount: Int
    public var windowLength: Int
    public var quantization: Int8Quantizer

    public init(channelCount: Int, windowLength: Int, quantization: Int8Quantizer) {
        self.channelCount = channelCount
        self.windowLength = windowLength
        self.quantization = quantization
    }

    /// Values in one model input: `windowLength × channelCount`.
    public var inputCount: Int { windowLength * channelCount }

    public func encoded() -> [UInt8] {
        var w = ImageWriter(magic: Self.magic, version: Self.version)
        w.int(channelCount)
        w.int(windowLength)
        w.quantizer(quantization)
        return w.bytes
    }

    /// Reads an image; channel count and window length must be 1 … 4096.
    public init(bytes: UnsafeRawBufferPointer) throws(DSPError) {
        var r = try ImageReader(bytes: bytes, magic: Self.magic, version: Self.version, kind: "sensor-window image")
        channelCount = try r.int("channelCount")
        windowLength = try r.int("windowLength")
        quantization = try r.quantizer()
        try r.finish()
        guard (1 ... 4096).contains(channelCount), (1 ... 4096).contains(windowLength) else {
            throw DSPError("sensor-window image: \(windowLength) frames of \(channelCount) channels (each must be 1…4096)")
        }
    }
}
