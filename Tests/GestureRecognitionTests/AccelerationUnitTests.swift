import Testing
import TinyDSP

/// Unit detection from gravity: the median |a| names g, milli-g or m/s².
@Suite struct AccelerationUnitTests {
    @Test(arguments: [(Float(1.02), AccelerationUnit.g), (1043, .milliG), (9.7, .metresPerSecondSquared),
                      (0.55, .g), (1900, .milliG)])
    func detectsTheUnitFromGravity(_ median: Float, _ unit: AccelerationUnit) {
        #expect(AccelerationUnit.detect(medianMagnitude: median) == unit)
    }

    @Test(arguments: [Float(0), 0.2, 3, 40, 300, 5000])
    func refusesMagnitudesThatAreNotGravity(_ median: Float) {
        #expect(AccelerationUnit.detect(medianMagnitude: median) == nil)
    }

    @Test func medianMagnitudeUsesTheSelectedAxes() {
        // Frames of (x, y, z, extra): |(x, y, z)| = 1, 3, 5; the extra channel is ignored.
        let frames: [Float] = [1, 0, 0, 99, 0, 3, 0, 99, 0, 0, 5, 99]
        var scratch = [Float](repeating: 0, count: 3)
        let m = frames.withUnsafeBufferPointer { f in
            scratch.withUnsafeMutableBufferPointer { AccelerationUnit.medianMagnitude(f, stride: 4, frameCount: 3, axes: [0, 1, 2], scratch: $0) }
        }
        #expect(m == 3)
    }
}
