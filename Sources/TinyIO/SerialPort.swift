import Foundation

/// Serial devices (a board streaming sensor lines over USB CDC or a UART) as a `ByteInput`.
extension ByteInput {
    /// Baud rates `serialPort` accepts.
    public static let serialBaudRates: [Int: speed_t] = [
        9600: speed_t(B9600), 19200: speed_t(B19200), 38400: speed_t(B38400), 57600: speed_t(B57600),
        115_200: speed_t(B115200), 230_400: speed_t(B230400), 460_800: speed_t(B460800), 921_600: speed_t(B921600),
    ]

    /// Opens the serial device at `path` (e.g. `/dev/ttyACM0`) for reading in raw mode, 8 data bits,
    /// no parity, 1 stop bit, at `baudRate` (one of `serialBaudRates`); reads block until a byte
    /// arrives. Pair it with `CSVSensorReader` for boards that print CSV lines.
    public static func serialPort(_ path: String, baudRate: Int) throws(IOError) -> ByteInput {
        guard let speed = serialBaudRates[baudRate] else {
            let accepted = serialBaudRates.keys.sorted().map(String.init).joined(separator: ", ")
            throw .invalidArgument("baud rate \(baudRate) is not supported (accepted: \(accepted))")
        }
        try checkReadableFile(path)
        let fd = open(path, O_RDONLY | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreadable(path: path, reason: "not a serial device: \(reason)")
        }
        cfmakeraw(&settings)
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard cfsetispeed(&settings, speed) == 0, cfsetospeed(&settings, speed) == 0,
              tcsetattr(fd, TCSANOW, &settings) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreadable(path: path, reason: "cannot configure \(baudRate) baud: \(reason)")
        }
        return ByteInput(fileDescriptor: fd, name: path, closeWhenDone: true)
    }
}
