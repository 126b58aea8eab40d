import Testing
import TinyIO
import TinyTestSupport
import WildlifeSounds

/// Clip-level accuracy of the int8 model through the Swift core on ESC-50 fold 4 (`val`, 95 clips,
/// 12 classes): every clip's nine 1.056 s windows classified and averaged — the number
/// `tinyml eval wildlife` prints. The goal is ≥ 75 % top-1; top-3 must reach 90 %.
@Suite struct ValAccuracyTests {
    static let data = TestPaths.dataset("wildlife")

    @Test(.enabled(if: data != nil, Comment(rawValue: TestPaths.missingDatasetMessage("wildlife"))))
    func valTop1AndTop3() throws {
        let p = try WildlifeTestSupport.pipeline()
        let e = try WildlifeEvaluation.run(manifest: Manifest(contentsOf: Self.data!.appendingPathComponent("MANIFEST.csv")),
                                           split: "val", pipeline: p, classifier: WindowClassifier(pipeline: p))
        #expect(e.n == 95)
        #expect(e.topKAccuracy(1) >= 0.75, "top-1 \(e.topKAccuracy(1))")
        #expect(e.topKAccuracy(3) >= 0.90, "top-3 \(e.topKAccuracy(3))")
        #expect(Set(e.clips.map(\.truth)).count == 12)
    }
}
