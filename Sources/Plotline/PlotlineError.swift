import PlotlineCore
/// A failure the user can act on: an invalid spec, a missing font, an unreadable file, an image
/// too large to make.
///
/// It carries what went wrong as a typed ``Kind`` and, where known, the file, line, column and key
/// path; ``description`` renders them as one line (`file:line:column: keyPath: message`) at the
/// edge, in the CLI or a test report.
public struct PlotlineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What sort of failure this is.
    public enum Kind: String, Sendable, Equatable {
        /// The spec (JSON or built in Swift) or its data is invalid.
        case invalidSpec
        /// A font was not found or could not be read.
        case font
        /// A file could not be read or written.
        case file
        /// The image asked for is too large to allocate.
        case imageTooLarge
        /// An image could not be encoded or decoded.
        case image
        /// An option or argument is out of range.
        case invalidOption
    }

    /// What sort of failure this is.
    public let kind: Kind
    /// The file concerned, when there is one.
    public let file: String?
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based column, when known.
    public let column: Int?
    /// The key path in the spec (`series[0].color`), when it concerns one value.
    public let keyPath: String?
    /// What went wrong and, where possible, how to fix it.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String) {
        self.kind = kind
        self.file = file.flatMap { $0.isEmpty ? nil : $0 }
        self.line = line
        self.column = column
        self.keyPath = keyPath.flatMap { $0.isEmpty ? nil : $0 }
        self.message = message.replacingNewlines()
    }

    /// An error from the spec decoder or validation, with its position and key path.
    public init(_ error: SpecError) {
        self.init(.invalidSpec, file: error.file, line: error.line, column: error.column, keyPath: error.keyPath, message: error.message)
    }

    /// The one-line rendering: `file:line:column: keyPath: message`, leaving out what is unknown.
    public var description: String {
        var location = file ?? ""
        if !location.isEmpty, let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return SafeText.line([location, keyPath ?? "", message].filter { !$0.isEmpty }.joined(separator: ": ").replacingNewlines())
    }

    /// Two errors are equal when they are of one kind and read the same.
    public static func == (a: PlotlineError, b: PlotlineError) -> Bool {
        a.kind == b.kind && a.description == b.description
    }
}

extension String {
    /// The string on one line: newlines become spaces, so an error never spans lines.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
