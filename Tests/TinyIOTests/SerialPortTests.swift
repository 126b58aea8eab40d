import Foundation
import Testing
@testable import TinyIO

/// A pseudo-terminal stands in for a board printing CSV lines over a serial port.
@Suite struct SerialPortTests {
    @Test func csvLinesFromAPseudoTerminal() throws {
        var controller: Int32 = -1, device: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        try #require(openpty(&controller, &device, &name, nil, nil) == 0)
        defer { close(controller); close(device) }
        let path = String(cString: name)
        let port = try ByteInput.serialPort(path, baudRate: 115_200)
        let text = "ax_g,ay_g,az_g\r\n0.01,-0.98,0.12\r\ngarbage\r\n0.02,-0.97,0.11\r\n"
        _ = text.withCString { write(controller, $0, strlen($0)) }
        let reader = try CSVSensorReader(input: port, options: CSVOptions(badLines: .skip))
        var row = [Float](repeating: 0, count: 3)
        #expect(try row.withUnsafeMutableBufferPointer { try reader.readRow(into: $0) })
        #expect(row == [0.01, -0.98, 0.12])
        #expect(try row.withUnsafeMutableBufferPointer { try reader.readRow(into: $0) })
        #expect(row == [0.01, -0.98, 0.12] && reader.badLines.wrongColumnCount == 1, "the garbage line holds the previous row")
        #expect(try row.withUnsafeMutableBufferPointer { try reader.readRow(into: $0) })
        #expect(row == [0.02, -0.97, 0.11])
    }

    @Test func refusedPortsAndRates() throws {
        #expect(throws: IOError.self) { try ByteInput.serialPort("/dev/tty", baudRate: 12345) }
        #expect(throws: IOError.fileNotFound(path: "/dev/ttyNOPE9")) { try ByteInput.serialPort("/dev/ttyNOPE9", baudRate: 9600) }
        let regular = FixtureFiles.url("resample/stereo_44100.wav").path
        #expect(throws: IOError.self) { try ByteInput.serialPort(regular, baudRate: 9600) }
    }
}
