import Foundation
import Testing
import TinyFormats

/// The strict JSON reader: each bad input is its own `JSONError` case naming the file and key
/// path, and unknown keys are exactly the keys nobody read.
@Suite struct JSONReaderTests {
    static func reader(_ text: String) throws(JSONError) -> JSONReader { try JSONReader(data: Data(text.utf8), file: "t.json") }

    @Test func typedGettersAndBounds() throws {
        let r = try Self.reader(#"{"n": 2.5, "i": 3, "s": "x", "b": true, "o": {"k": -1}, "a": [1, 2], "z": null}"#)
        #expect(try r.number("n", positive: true, atMost: 3) == 2.5)
        #expect(try r.integer("i", minimum: 1) == 3)
        #expect(try r.string("s") == "x")
        #expect(try r.bool("b"))
        #expect(try r.object("o").integer("k", minimum: .min) == -1)
        #expect(try r.integers("a") == [1, 2])
        #expect(try r.optionalString("z") == nil && r.kind("z") == nil)
        try r.finish()
    }

    @Test func errorCases() throws {
        let r = try Self.reader(#"{"n": "fast", "i": 1.5, "neg": -2, "big": 9, "b": 1, "o": {"deep": {"x": 0}}, "s": "  "}"#)
        #expect(throws: JSONError.wrongType(file: "t.json", key: "n", expected: "a number", got: "\"fast\"")) { try r.number("n") }
        #expect(throws: JSONError.wrongType(file: "t.json", key: "i", expected: "an integer", got: "1.5")) { try r.integer("i") }
        #expect(throws: JSONError.outOfRange(file: "t.json", key: "neg", bound: "must be at least 0", got: "-2")) { try r.integer("neg") }
        #expect(throws: JSONError.outOfRange(file: "t.json", key: "big", bound: "must be at most 8.0", got: "9")) {
            try r.number("big", atMost: 8)
        }
        #expect(throws: JSONError.wrongType(file: "t.json", key: "b", expected: "true or false", got: "1")) { try r.bool("b") }
        #expect(throws: JSONError.wrongType(file: "t.json", key: "s", expected: "a non-empty string", got: "\"  \"")) { try r.string("s") }
        #expect(throws: JSONError.missing(file: "t.json", key: "o.deep.y")) { try r.object("o").object("deep").integer("y") }
        #expect(throws: JSONError.invalid(file: "t.json", key: "s", problem: "unknown value '  ' (expected 'a', 'b')")) {
            try r.choice("s", [("a", 1), ("b", 2)])
        }
        #expect(JSONError.missing(file: "f.json", key: "a.b").description == "f.json: a.b: missing")
    }

    @Test func unknownKeysAreTheUnreadOnes() throws {
        let r = try Self.reader(#"{"a": 1, "o": {"x": 1, "typo": 2}, "list": [{"k": 1, "kk": 2}]}"#)
        _ = try r.integer("a")
        _ = try r.object("o").integer("x")
        _ = try r.objects("list").map { (o) throws(JSONError) in try o.integer("k") }
        #expect(throws: JSONError.unknownKey(file: "t.json", key: "o.typo", known: ["x"])) { try r.finish() }
        let root = try Self.reader(#"{"a": 1, "extra": 2}"#)
        _ = root.has("a")
        #expect(throws: JSONError.unknownKey(file: "t.json", key: "extra", known: ["a"])) { try root.finish() }
        // A required key misspelt: the error names the typo and the key it stands for.
        let typo = try Self.reader(#"{"o": {"raiseAfter": 1, "clearAfer": 2}}"#)
        #expect(throws: JSONError.unknownKey(file: "t.json", key: "o.clearAfer", known: ["clearAfter"])) {
            try typo.object("o").integer("clearAfter")
        }
        let nested = try Self.reader(#"{"list": [{"k": 1, "kk": 2}]}"#)
        _ = try nested.objects("list").map { (o) throws(JSONError) in try o.integer("k") }
        #expect(throws: JSONError.unknownKey(file: "t.json", key: "list[0].kk", known: ["k"])) { try nested.finish() }
    }

    @Test func notJSONAndUnreadable() {
        #expect { try Self.reader("{") } throws: { ($0 as? JSONError).map { if case .notJSON("t.json", _) = $0 { true } else { false } } ?? false }
        #expect { try Self.reader("[1]") } throws: { ($0 as? JSONError).map { if case .notJSON("t.json", _) = $0 { true } else { false } } ?? false }
        #expect(throws: JSONError.unreadable(file: "/nonexistent/x.json", reason: "no such file")) {
            try JSONReader(contentsOf: "/nonexistent/x.json")
        }
    }

    struct Settings: Decodable, Equatable {
        enum Kind: String, Decodable { case gaussian, autoencoder }
        struct Inner: Decodable, Equatable { var threshold: Float; var count: Int }
        var name: String
        var kind: Kind
        var inner: Inner
        var labels: [String]
        var note: String?
    }

    @Test func decodableSectionsAreReadStrictly() throws {
        let good = try Self.reader(#"{"name": "p", "kind": "gaussian", "inner": {"threshold": 0.5, "count": 2}, "labels": ["a"]}"#)
        #expect(try good.decode(Settings.self) == Settings(name: "p", kind: .gaussian, inner: .init(threshold: 0.5, count: 2),
                                                           labels: ["a"], note: nil))
        try good.finish()
        let typo = try Self.reader(#"{"name": "p", "kind": "gaussian", "inner": {"threshold": 0.5, "count": 2, "cuont": 3}, "labels": []}"#)
        _ = try typo.decode(Settings.self)
        #expect(throws: JSONError.unknownKey(file: "t.json", key: "inner.cuont", known: ["count", "threshold"])) { try typo.finish() }
        #expect(throws: JSONError.missing(file: "t.json", key: "inner")) {
            try Self.reader(#"{"name": "p", "kind": "gaussian", "labels": []}"#).decode(Settings.self)
        }
        #expect(throws: JSONError.wrongType(file: "t.json", key: "labels[1]", expected: "a string", got: "2")) {
            try Self.reader(#"{"name": "p", "kind": "gaussian", "inner": {"threshold": 1, "count": 1}, "labels": ["a", 2]}"#)
                .decode(Settings.self)
        }
        #expect {
            try Self.reader(#"{"name": "p", "kind": "gauss", "inner": {"threshold": 1, "count": 1}, "labels": []}"#).decode(Settings.self)
        } throws: { ($0 as? JSONError).map { if case .invalid("t.json", "kind", _) = $0 { true } else { false } } ?? false }
    }
}
