/// A failure the user can act on: bad input, a missing font, an unwritable folder.
///
/// Its description is one line that names the file and, where it applies, the key path, line or column.
public struct PlotlineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The one-line message.
    public let message: String

    /// Creates an error from its one-line message.
    public init(_ message: String) {
        self.message = message.replacingNewlines()
    }

    /// The message.
    public var description: String { message }
}

extension String {
    /// The string on one line: newlines become spaces, so an error never spans lines.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
