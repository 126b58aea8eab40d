import Testing
import TinyCLI

/// `ConfusionMatrix` (TinyCLI, shared by the classifier evaluations) and its SVG.
@Suite struct ConfusionMatrixTests {
    @Test func countsAccuracyTopKRecallAndPrecision() {
        var m = ConfusionMatrix(labels: ["a", "b", "c"], ranks: 3)
        m.add(truth: 0, ranked: [0, 1, 2])
        m.add(truth: 0, ranked: [1, 0, 2])
        m.add(truth: 1, ranked: [1, 2, 0])
        m.add(truth: 2, ranked: [0, 1, 2])
        #expect(m.n == 4)
        #expect(m.counts == [[1, 1, 0], [0, 1, 0], [1, 0, 0]])
        #expect(m.accuracy == 0.5)
        #expect(m.topKAccuracy(2) == 0.75)
        #expect(m.topKAccuracy(3) == 1)
        #expect(m.recall(0) == 0.5 && m.recall(1) == 1 && m.recall(2) == 0)
        #expect(m.precision(0) == 0.5 && m.precision(1) == 0.5 && m.precision(2).isNaN)
        #expect(m.textRows.count == 4)
        let svg = SVGConfusionMatrix(title: "t <&>", matrix: m).svg
        #expect(svg.hasPrefix("<svg") && svg.contains("t &lt;&amp;&gt;") && svg.hasSuffix("</svg>\n"))
    }

    @Test func emptyMatrixHasUndefinedAccuracy() {
        let m = ConfusionMatrix(labels: ["a"], ranks: 1)
        #expect(m.accuracy.isNaN && m.recall(0).isNaN)
    }
}
