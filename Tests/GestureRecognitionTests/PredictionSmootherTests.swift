import TinyPipeline
import Testing
@testable import GestureRecognition

/// `PredictionSmoother` on hand-made probability sequences (classes: 0 = negative, 1, 2).
@Suite struct PredictionSmootherTests {
    static func smoother(history: Int = 3, threshold: Float = 0.8, rearm: Float = 0.5,
                         suppression: Int = 0) throws -> PredictionSmoother {
        try PredictionSmoother(configuration: GestureSmoothing(history: history, threshold: threshold, rearm: rearm,
                                                                    suppressionInferences: suppression),
                               classCount: 3, negativeClass: 0)
    }

    /// Feeds `rows` and returns (inference index, class, confidence) of each event.
    static func events(_ s: inout PredictionSmoother, _ rows: [[Float]]) -> [(Int, Int, Float)] {
        var out: [(Int, Int, Float)] = []
        for (k, row) in rows.enumerated() {
            if let e = row.withUnsafeBufferPointer({ s.update($0) }) { out.append((k, e.classIndex, e.confidence)) }
        }
        return out
    }

    static let negative: [Float] = [1, 0, 0]
    static let gestureA: [Float] = [0, 1, 0]
    static let gestureB: [Float] = [0, 0, 1]

    @Test func firesOnceTheAverageReachesTheThreshold() throws {
        var s = try Self.smoother()
        // Averages of class 1 over the last 3: -, -, 1/3, 2/3, 1 → fires at index 4.
        let e = Self.events(&s, [Self.negative, Self.negative, Self.gestureA, Self.gestureA, Self.gestureA])
        #expect(e.count == 1)
        #expect(e.first?.0 == 4 && e.first?.1 == 1)
        #expect(abs((e.first?.2 ?? 0) - 1) < 1e-6)
    }

    @Test func noDecisionBeforeTheHistoryIsFull() throws {
        var s = try Self.smoother(history: 4)
        let e = Self.events(&s, [Self.gestureA, Self.gestureA, Self.gestureA])
        #expect(e.isEmpty)
    }

    @Test func aLongPlateauGivesOneEvent() throws {
        var s = try Self.smoother()
        let e = Self.events(&s, Array(repeating: Self.gestureA, count: 50))
        #expect(e.count == 1)
    }

    @Test func reArmsAfterFallingBelowTheRearmLevel() throws {
        var s = try Self.smoother()
        let rows = Array(repeating: Self.gestureA, count: 5) + Array(repeating: Self.negative, count: 3)
            + Array(repeating: Self.gestureB, count: 5)
        let e = Self.events(&s, rows)
        #expect(e.map(\.1) == [1, 2])
    }

    @Test func staysDisarmedWhileAboveTheRearmLevel() throws {
        var s = try Self.smoother()
        // Class 1 drops to 0.6 (above rearm 0.5) then comes back: still one event.
        let dip: [Float] = [0.4, 0.6, 0]
        let rows = Array(repeating: Self.gestureA, count: 4) + Array(repeating: dip, count: 4)
            + Array(repeating: Self.gestureA, count: 4)
        #expect(Self.events(&s, rows).count == 1)
    }

    @Test func suppressionSeparatesEvents() throws {
        var s = try Self.smoother(history: 1, rearm: 0.8, suppression: 5)
        // With rearm = threshold the hysteresis is off; suppression alone spaces events 5 inferences apart.
        let e = Self.events(&s, Array(repeating: Self.gestureA, count: 12))
        #expect(e.map(\.0) == [0, 5, 10])
    }

    @Test func theNegativeClassNeverFires() throws {
        var s = try Self.smoother()
        #expect(Self.events(&s, Array(repeating: Self.negative, count: 20)).isEmpty)
    }

    @Test func resetForgetsHistory() throws {
        var s = try Self.smoother()
        _ = Self.events(&s, [Self.gestureA, Self.gestureA])
        s.reset()
        #expect(Self.events(&s, [Self.gestureA, Self.gestureA]).isEmpty)
        #expect(Self.events(&s, [Self.gestureA]).count == 1)
    }

    @Test func rejectsBadConfigurations() {
        #expect(throws: PipelineError.self) { try GestureSmoothing(history: 0, threshold: 0.8, rearm: 0.5, suppressionInferences: 0) }
        #expect(throws: PipelineError.self) { try GestureSmoothing(history: 3, threshold: 1.5, rearm: 0.5, suppressionInferences: 0) }
        #expect(throws: PipelineError.self) { try GestureSmoothing(history: 3, threshold: 0.8, rearm: 0.9, suppressionInferences: 0) }
        #expect(throws: PipelineError.self) { try GestureSmoothing(history: 3, threshold: 0.8, rearm: 0.5, suppressionInferences: -1) }
        #expect(throws: PipelineError.self) {
            try PredictionSmoother(configuration: GestureSmoothing(history: 3, threshold: 0.8, rearm: 0.5, suppressionInferences: 0),
                                   classCount: 3, negativeClass: 3)
        }
    }
}
