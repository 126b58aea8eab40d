/// Float transcendental functions supplied by the host (the C library's `expf` / `tanhf`).
///
/// LiteRT builds its int8 SOFTMAX, LOGISTIC and TANH lookup tables with these float functions at
/// prepare time; to be bit-exact the tables must be built with the same functions, so the core
/// (which imports nothing) takes them from its caller. `HostMath.portable` reproduces glibc's
/// `expf`/`tanhf` bit for bit in portable Swift (see `expFloat`, `tanhFloat`): use it on
/// microcontrollers and on hosts whose libm differs, so every target builds identical tables.
public struct HostMath: Sendable {
    public var exp: @Sendable (Float) -> Float
    public var tanh: @Sendable (Float) -> Float

    public init(exp: @escaping @Sendable (Float) -> Float, tanh: @escaping @Sendable (Float) -> Float) {
        self.exp = exp
        self.tanh = tanh
    }
}

extension HostMath {
    /// `expFloat` and `tanhFloat`: glibc 2.36 results on every target, no libm needed.
    public static let portable = HostMath(exp: { expFloat($0) }, tanh: { tanhFloat($0) })
}
