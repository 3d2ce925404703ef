/// A failure to encode or decode a PNG, with a message fit to show a user.
public struct PNGError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, e.g. "not a PNG file" or libpng's own message.
    public let message: String

    /// Creates an error carrying `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message, so `"\(error)"` reads well in logs and test output.
    public var description: String { message }
}
