import Foundation
import MotorAnomaly
import Testing
import TinyTestSupport

/// ROC AUC against scipy's Mann–Whitney U (Tools/golden/roc_auc.py), ties included.
@Suite struct ROCCurveTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String, auc: Double, negatives: [Double], positives: [Double]
        var description: String { "case \(name)" }
    }

    static let cases: [Case] = {
        let path = TestPaths.fixture("MotorAnomalyTests", "roc_auc_cases.csv").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            let values = { (s: String) in s.split(separator: ";").map { Double($0)! } }
            return Case(name: f[0], auc: Double(f[1])!, negatives: values(f[2]), positives: values(f[3]))
        }
    }()

    @Test func goldenFileHasCases() { #expect(Self.cases.count == 5) }

    /// Tolerance 1e-12: both sides are exact rationals printed to 12 decimals.
    @Test(arguments: cases)
    func aucMatchesMannWhitney(_ c: Case) {
        let roc = ROCCurve(negatives: c.negatives, positives: c.positives)
        #expect(abs(roc.auc - c.auc) < 1e-11)
        #expect(roc.points.first?.falsePositiveRate == 0 && roc.points.first?.truePositiveRate == 0)
        #expect(roc.points.last?.falsePositiveRate == 1 && roc.points.last?.truePositiveRate == 1)
        for (a, b) in zip(roc.points, roc.points.dropFirst()) {
            #expect(a.falsePositiveRate <= b.falsePositiveRate && a.truePositiveRate <= b.truePositiveRate)
        }
    }

    @Test func separableAndReversedAndEmpty() {
        #expect(ROCCurve(negatives: [0, 1, 2], positives: [3, 4]).auc == 1)
        #expect(ROCCurve(negatives: [3, 4], positives: [0, 1, 2]).auc == 0)
        #expect(ROCCurve(negatives: [1, 1], positives: [1]).auc == 0.5)
        #expect(ROCCurve(negatives: [], positives: [1]).auc.isNaN)
    }
}
