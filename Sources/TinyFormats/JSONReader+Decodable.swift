import Foundation

extension JSONReader {
    /// Decodes this object's members as `T` (synthesised `Decodable` conformances included): every
    /// key `T` asks for is marked read and every object it descends into is read strictly below
    /// this one, so `finish()` afterwards rejects exactly the keys `T` does not have. Errors are
    /// this reader's cases (`.missing`, `.wrongType`, …) with the full key path; a value `T` itself
    /// refuses (an unknown enum case) is `.invalid`.
    public func decode<T: Decodable>(_ type: T.Type) throws(JSONError) -> T {
        do {
            return try T(from: ReaderDecoder(node: .object(self), codingPath: []))
        } catch let error as JSONError {
            throw error
        } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
                 .keyNotFound(_, let context):
                throw invalid(Self.joined(context.codingPath), context.debugDescription)
            @unknown default:
                throw invalid("", "\(error)")
            }
        } catch {
            throw invalid("", "\(error)")
        }
    }

    /// A coding path as a key path below this reader (`smoothing.threshold`, `labels[2]`).
    static func joined(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("") { path, key in
            if let i = key.intValue { return path + "[\(i)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }
}

/// `Decoder` over a `JSONReader` object or one `JSONElement`; the containers convert through the
/// reader's typed getters, so decoding errors are `JSONError` cases.
private struct ReaderDecoder: Decoder {
    enum Node {
        case object(JSONReader)
        case element(JSONElement)
    }

    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch node {
        case .object(let reader): return KeyedDecodingContainer(Keyed(reader: reader, codingPath: codingPath))
        case .element(let e): return KeyedDecodingContainer(Keyed(reader: try e.object(), codingPath: codingPath))
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .element(let e) = node else { throw mismatch("an array") }
        return Unkeyed(elements: try e.array(), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        guard case .element(let e) = node else { throw mismatch("a single value") }
        return Single(element: e, codingPath: codingPath)
    }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected), got an object"))
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let reader: JSONReader
        let codingPath: [any CodingKey]
        var allKeys: [Key] { reader.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { reader.has(key.stringValue) }
        func decodeNil(forKey key: Key) throws -> Bool { !reader.has(key.stringValue) }

        func decoder(_ key: Key) throws -> ReaderDecoder {
            ReaderDecoder(node: .element(try reader.element(key.stringValue)), codingPath: codingPath + [key])
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: decoder(key)) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try decoder(key).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }
        func superDecoder() throws -> any Decoder { ReaderDecoder(node: .object(reader), codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let elements: [JSONElement]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        init(elements: [JSONElement], codingPath: [any CodingKey]) {
            self.elements = elements
            self.codingPath = codingPath
        }

        mutating func next() throws -> ReaderDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "too few elements"))
            }
            defer { currentIndex += 1 }
            return ReaderDecoder(node: .element(elements[currentIndex]), codingPath: codingPath + [Index(intValue: currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, elements[currentIndex].kind == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: next()) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// Where every primitive is converted (the containers above reach it through `T(from:)`).
    struct Single: SingleValueDecodingContainer {
        let element: JSONElement
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { element.kind == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try element.bool() }
        func decode(_ type: String.Type) throws -> String { try element.string() }
        func decode(_ type: Double.Type) throws -> Double { try element.number() }
        func decode(_ type: Float.Type) throws -> Float { Float(try element.number()) }
        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: ReaderDecoder(node: .element(element), codingPath: codingPath)) }

        private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            let minimum = I.min == 0 ? 0 : Int(clamping: I.min), maximum = Int(clamping: I.max)
            return I(try element.integer(minimum: minimum, maximum: maximum))
        }
    }
}
