import TinyIO

/// CSV sensor lines (`CSVSensorReader`) as a `FrameSource` at a stated rate (CSV carries none), so
/// `AudioStream` can stream them like PCM. Bad lines follow the reader's `CSVOptions.badLines`.
final class CSVSampleSource: FrameSource {
    let reader: CSVSensorReader
    let sampleRate: Int

    init(reader: CSVSensorReader, sampleRate: Int) throws(IOError) {
        try AudioLimits.checkSampleRate(sampleRate)
        self.reader = reader
        self.sampleRate = sampleRate
    }

    var channelCount: Int { reader.channelCount }
    var sourceName: String { reader.sourceName }

    func readFrames(into buffer: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Int {
        try reader.readFrames(into: buffer)
    }
}
