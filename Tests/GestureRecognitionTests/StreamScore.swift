import GestureRecognition

/// Scores detections against the known gestures of a synthetic stream.
///
/// Gesture j occupies samples [start, end); an event at window end `sampleIndex` belongs to the
/// first gesture with start ≤ sampleIndex ≤ end + window (it is in view of the sliding window
/// until then). Same label, first event for it: a hit. Other label: wrong. No gesture in view,
/// or a second event for one: a false trigger. Gestures without a hit: misses.
struct StreamScore {
    struct Truth {
        let start: Int
        let end: Int
        let label: String
    }

    private(set) var hits = 0
    private(set) var wrong = 0
    private(set) var falseTriggers = 0
    let misses: Int

    init(events: [GestureDetection], truth: [Truth], window: Int) {
        var hit = Set<Int>()
        for e in events {
            guard let j = truth.indices.first(where: { truth[$0].start <= e.sampleIndex && e.sampleIndex <= truth[$0].end + window }) else {
                falseTriggers += 1
                continue
            }
            if truth[j].label != e.label {
                wrong += 1
            } else if hit.insert(j).inserted {
                hits += 1
            } else {
                falseTriggers += 1
            }
        }
        misses = truth.count - hit.count
    }
}
