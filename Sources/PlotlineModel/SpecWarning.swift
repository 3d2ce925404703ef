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
        return result
    }
}
