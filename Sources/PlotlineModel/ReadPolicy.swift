import PlotlineCore

/// Which files a spec may make Plotline read: its CSV data and its font file.
///
/// A spec is input, possibly from someone else. Without a policy it could name any file the user
/// can read (`~/.ssh/id_rsa`, `/etc/shadow`) and have its first line quoted back in an error, or
/// drawn into a chart. By default a spec read from a file reads only files under its own folder
/// or the current directory, after symbolic links are resolved; `--allow-read DIR` adds folders.
public struct ReadPolicy: Sendable, Hashable {
    /// The folders files must lie under, resolved; nil allows every file.
    public let folders: [String]?

    /// Every file may be read: for specs built or decoded in the program's own code.
    public static let unrestricted = ReadPolicy(folders: nil)

    /// Files under `folders` (and their sub-folders) only; folders that do not exist are skipped.
    public init(folders: [String]?) {
        self.folders = folders.map { list in list.compactMap { Paths.resolved($0) } }
    }

    /// The default for a spec file: its folder, the current directory and `extra` folders.
    public static func forSpec(at path: String, allowing extra: [String] = []) -> ReadPolicy {
        let folder = Paths.folder(of: path)
        return ReadPolicy(folders: [folder.isEmpty ? "." : folder, "."] + extra)
    }

    /// Whether the file at `path` may be read. A path that does not resolve (a missing file) is
    /// allowed here, so that reading it reports the system's own reason.
    public func permits(_ path: String) -> Bool {
        guard folders != nil, let real = Paths.resolved(path) else { return true }
        return contains(real)
    }

    /// Whether a resolved path lies under one of the folders, compared byte for byte (two
    /// spellings of "é" are different folders to the file system, so they must be here too).
    public func contains(_ real: String) -> Bool {
        guard let folders else { return true }
        return folders.contains { folder in
            folder == "/" || real.utf8.elementsEqual(folder.utf8) || real.utf8.starts(with: (folder + "/").utf8)
        }
    }

    /// The message for a refused path.
    func refusal(_ path: String) -> String {
        "\(quoted(path, limit: 200)) is outside the spec's folder and the current directory; "
            + "pass --allow-read with its folder to read it"
    }
}
