import Foundation

/// Splits a `ByteInput` into lines in constant memory: one buffer (64 KiB to start) that grows
/// only for a line longer than it, up to `maxLineBytes`.
///
/// A line ends at LF; a CR before the LF is dropped; the last line needs no newline. A UTF-8 byte
/// order mark at the very start is skipped. A line is returned as soon as its newline arrives, so a
/// pipe is read line by line as it is written.
public final class ByteLineReader {
    public let input: ByteInput
    /// The longest line accepted (bytes); a longer one throws `.unreadable`.
    public let maxLineBytes: Int
    /// 1-based number of the line last returned (0 before the first).
    public private(set) var lineNumber = 0
    /// Whether the last line `nextLine()` returned ended with a newline (false only for a last line
    /// the input cut off before its newline).
    public private(set) var lastLineTerminated = true
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEnd = false

    public init(input: ByteInput, initialCapacity: Int = 1 << 16, maxLineBytes: Int = 1 << 20) {
        self.input = input
        self.maxLineBytes = max(16, maxLineBytes)
        capacity = min(max(16, initialCapacity), self.maxLineBytes)
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// The next line without its line ending, or nil at the end of the input. The bytes are valid
    /// until the next call.
    public func nextLine() throws(IOError) -> UnsafeBufferPointer<UInt8>? {
        var scanned = 0   // bytes after `start` known to hold no newline (fill may move `start`)
        while true {
            let from = start + scanned
            if let hit = memchr(buffer + from, Int32(UInt8(ascii: "\n")), end - from) {
                let newline = buffer.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                lastLineTerminated = true
                return take(upTo: newline, consumed: newline + 1)
            }
            scanned = end - start
            if atEnd {
                if start == end { return nil }
                lastLineTerminated = false
                return take(upTo: end, consumed: end)
            }
            try fill()
        }
    }

    /// Hands out `buffer[start..<lineEnd]` (minus a CR and a leading BOM) and advances past it.
    private func take(upTo lineEnd: Int, consumed: Int) -> UnsafeBufferPointer<UInt8> {
        var lineStart = start
        var lineEnd = lineEnd
        if lineEnd > lineStart && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        if lineNumber == 0 && lineEnd - lineStart >= 3
            && buffer[lineStart] == 0xEF && buffer[lineStart + 1] == 0xBB && buffer[lineStart + 2] == 0xBF {
            lineStart += 3
        }
        lineNumber += 1
        start = consumed
        return UnsafeBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart)
    }

    /// Moves the unread bytes to the front (growing the buffer if a line fills it) and reads more.
    private func fill() throws(IOError) {
        if start > 0 {
            buffer.update(from: buffer + start, count: end - start)
            end -= start
            start = 0
        }
        if end == capacity {
            guard capacity < maxLineBytes else {
                throw .unreadable(path: input.name, reason: "line \(lineNumber + 1) is longer than \(maxLineBytes) bytes")
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: min(2 * capacity, maxLineBytes))
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity = min(2 * capacity, maxLineBytes)
        }
        let n = try input.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
        if n == 0 { atEnd = true }
        end += n
    }
}
