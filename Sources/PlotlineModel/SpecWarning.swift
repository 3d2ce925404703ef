/// Something in a valid spec that is probably not what its author meant; reported, not refused.
public struct SpecWarning: Sendable, Equatable, CustomStringConvertible {
    /// The key path of the series or value concerned.
    public var keyPath: String
    /// What looks wrong and what to do about it.
    public var message: String

    /// Creates a warning.
    public init(keyPath: String, message: String) {
        self.keyPath = keyPath
        self.message = message
    }

    /// `series[0]: "loss" draws nothing: …`.
    public var description: String { oneLine("\(keyPath): \(message)") }
}

extension ChartSpec {
    /// Warnings about series that would draw nothing although they have data.
    public var warnings: [SpecWarning] {
        var result: [SpecWarning] = []
        for (i, s) in series.enumerated() {
            guard case .line(let line) = s.mark, line.marker == nil, line.gaps == .break else { continue }
            let xs = s.x.numbers
            func present(_ j: Int) -> Bool { line.y[j].isFinite && (xs.map { $0[j].isFinite } ?? true) }
            let count = min(line.y.count, s.x.count)
            let points = (0..<count).filter(present)
            let joined = (1..<max(count, 1)).contains { present($0) && present($0 - 1) }
            if !points.isEmpty && !joined {
                let name = s.name.map { quoted($0) + " " } ?? ""
                result.append(SpecWarning(keyPath: "series[\(i)]", message: "\(name)draws nothing: every point is cut off "
                    + "from its neighbours by missing values; set \"gaps\": \"join\" or add a \"marker\""))
            }
        }
        // Values a clamping log axis leaves out.
        var dropped: [String: Int] = [:]
        for s in series {
            if x.scale == .log, x.clamp { dropped["x", default: 0] += (s.x.numbers ?? []).filter { $0 <= 0 }.count }
            let axis = s.axis == .y2 ? (y2 ?? AxisSpec()) : y
            if axis.scale == .log, axis.clamp {
                dropped[s.axis.rawValue, default: 0] += s.mark.valueColumns.reduce(0) { $0 + $1.values.filter { $0 <= 0 }.count }
            }
        }
        for name in ["x", "y", "y2"] {
            if let n = dropped[name], n > 0 {
                result.append(SpecWarning(keyPath: name, message: "\(n) value\(n == 1 ? "" : "s") at or below 0 left out of the log axis"))
            }
        }
        return result
    }
}
