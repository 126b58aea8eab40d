import TinyPipeline
import Testing
import WildlifeSounds

/// Clip windows and score averaging (the aggregation `tinyml eval wildlife` and the training
/// script's `clip_windows` share).
@Suite struct ClipWindowTests {
    @Test func windowStartsCoverTheClipEndingAtItsLastFrame() {
        #expect(ClipClassifier.windowStarts(frames: 155, width: 32, hop: 16) == [0, 16, 32, 48, 64, 80, 96, 112, 123])
        #expect(ClipClassifier.windowStarts(frames: 32, width: 32, hop: 16) == [0])
        #expect(ClipClassifier.windowStarts(frames: 48, width: 32, hop: 16) == [0, 16])
        #expect(ClipClassifier.windowStarts(frames: 49, width: 32, hop: 16) == [0, 16, 17])
    }

    @Test func scoresAverageAndRankWithTiesByIndex() {
        var s = ScoreAccumulator(classes: 4)
        [Float(0.5), 0.2, 0.2, 0.1].withUnsafeBufferPointer { s.add($0.baseAddress!) }
        [Float(0.1), 0.6, 0.2, 0.1].withUnsafeBufferPointer { s.add($0.baseAddress!) }
        #expect(s.windows == 2)
        #expect(s.mean == [0.3, 0.4, 0.2, 0.1])
        #expect(s.top(3).map(\.index) == [1, 0, 2])
        var tie = ScoreAccumulator(classes: 3)
        [Float(0.3), 0.4, 0.3].withUnsafeBufferPointer { tie.add($0.baseAddress!) }
        #expect(tie.top(3).map(\.index) == [1, 0, 2])
    }
}
