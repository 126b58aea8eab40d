import Testing
import TinyDSP

/// `HoldFit`: centre crop for long recordings, centred placement with held ends for short ones.
@Suite struct HoldFitTests {
    @Test func shortRecordingsAreCentredAndHeld() {
        // 3 frames of 2 channels into 8 frames: offset (8 − 3)/2 = 2.
        let input: [Float] = [1, 10, 2, 20, 3, 30]
        let out = HoldFit.fit(input, channels: 2, length: 8)
        #expect(out == [1, 10, 1, 10, 1, 10, 2, 20, 3, 30, 3, 30, 3, 30, 3, 30])
        #expect(HoldFit.offset(frameCount: 3, length: 8) == 2)
    }

    @Test func longRecordingsAreCentreCropped() {
        let input: [Float] = (0 ..< 9).map(Float.init)
        // 9 frames into 4: start ⌊(9 − 4)/2⌋ = 2.
        #expect(HoldFit.fit(input, channels: 1, length: 4) == [2, 3, 4, 5])
        #expect(HoldFit.offset(frameCount: 9, length: 4) == -2)
    }

    @Test func exactLengthIsUnchanged() {
        let input: [Float] = [4, 5, 6, 7]
        #expect(HoldFit.fit(input, channels: 1, length: 4) == input)
    }
}
