/// What a throwing call tells the user: its error's one-line description (`"\(error)"`), or
/// `"no error"` when it returns. Bad-input tests check these lines.
public func errorMessage(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch {
        return "\(error)"
    }
}
