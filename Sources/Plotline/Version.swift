/// Plotline's version, as `plotline --version` prints it.
public enum PlotlineVersion {
    /// The release this source tree is (semantic versioning).
    public static let current = "0.4.0"
}
