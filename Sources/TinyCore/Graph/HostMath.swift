/// Float transcendental functions supplied by the host (the C library's `expf` / `tanhf`).
///
/// LiteRT builds its int8 SOFTMAX, LOGISTIC and TANH lookup tables with these float functions at
/// prepare time; to be bit-exact the tables must be built with the same functions, so the core
/// (which imports nothing) takes them from its caller. On a microcontroller pass the toolchain's
/// libm functions, or build the tables on the host.
public struct HostMath: Sendable {
    public var exp: @Sendable (Float) -> Float
    public var tanh: @Sendable (Float) -> Float

    public init(exp: @escaping @Sendable (Float) -> Float, tanh: @escaping @Sendable (Float) -> Float) {
        self.exp = exp
        self.tanh = tanh
    }
}
