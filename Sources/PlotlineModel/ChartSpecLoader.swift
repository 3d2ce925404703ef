import PlotlineCore

/// Reads chart specs from JSON files and checks every field.
///
/// Each error names the file, the line and column of the offending JSON value and its key path,
/// and suggests a fix where one is likely (a misspelt key, colour or column).
///
/// The keys are listed, one enum per JSON object, in `SpecKeys.swift`, and documented in the
/// README; unknown keys are errors, and so are keys that do not apply to a series' kind.
public enum ChartSpecLoader {
    /// The largest canvas side accepted, in CSS pixels.
    public static let maximumSide: Double = 16384
    /// The most data points accepted across all series of one chart.
    public static let maximumPoints = 10_000_000
    /// The most characters in any text of a spec (a title, a label, a category name, a path).
    public static let maximumTextLength = 10_000
    /// Numbers in a spec or its data must be smaller than this in size.
    public static let maximumMagnitude = 1e300
    /// The most series in one chart.
    public static let maximumSeries = 1_000
    /// The most annotations in one chart.
    public static let maximumAnnotations = 1_000
    /// The largest spec file read, in bytes.
    public static let maximumSpecSize = InputFile.Limit.spec
    /// The largest CSV file read, in bytes.
    public static let maximumCSVSize = InputFile.Limit.csv

    /// Reads and validates the spec at `path`; CSV files and font files are resolved relative
    /// to the spec's folder, and must lie under it or the current directory (or `allowRead`
    /// folders), after symbolic links; see ``ReadPolicy``.
    public static func load(path: String, allowRead: [String] = []) throws(SpecError) -> ChartSpec {
        let bytes: [UInt8]
        switch InputFile.read(path, limit: maximumSpecSize) {
        case .success(let b): bytes = b
        case .failure(let reason): throw SpecError(file: path, message: "cannot read the spec: \(reason.text)")
        }
        return try decode(bytes, file: path, baseDirectory: Paths.folder(of: path), maximumPoints: maximumPoints,
                          readPolicy: .forSpec(at: path, allowing: allowRead))
    }

    /// Validates a spec held in memory; `file` names it in errors, `baseDirectory` anchors
    /// relative CSV and font paths (empty for the current directory), and `readPolicy` says which
    /// files it may read (any, by default: the program chose the spec).
    public static func decode(_ bytes: [UInt8], file: String, baseDirectory: String,
                              readPolicy: ReadPolicy = .unrestricted) throws(SpecError) -> ChartSpec {
        try decode(bytes, file: file, baseDirectory: baseDirectory, maximumPoints: maximumPoints, readPolicy: readPolicy)
    }

    /// `decode` with a different point limit, so tests can reach the limit without huge inputs.
    static func decode(_ bytes: [UInt8], file: String, baseDirectory: String, maximumPoints: Int,
                       readPolicy: ReadPolicy = .unrestricted) throws(SpecError) -> ChartSpec {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw SpecError(file: file, line: error.line, column: error.column, keyPath: error.keyPath, message: error.message)
        }
        var decoder = SpecDecoder(file: file, baseDirectory: baseDirectory, maximumPoints: maximumPoints, readPolicy: readPolicy)
        return try decoder.chart(root)
    }

    /// `dir/file` for a relative `file`; an absolute `file` or an empty `dir` leaves it alone.
    public static func resolve(_ file: String, relativeTo dir: String) -> String {
        if file.hasPrefix("/") || dir.isEmpty || dir == "." { return file }
        return dir.hasSuffix("/") ? dir + file : dir + "/" + file
    }

    /// The folder part of a path: "" for a bare file name, "/" for a file at the root.
    static func directory(of path: String) -> String {
        Paths.folder(of: path)
    }
}
