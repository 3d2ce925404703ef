import PlotlineModel
import PlotlineScales

/// Words for the accessible description (SVG `<desc>`): numbers printed briefly and
/// deterministically, categories by name.
struct Prose: Sendable {
    /// The category names along the series' x axis, when it holds categories.
    var categories: [String]?

    /// `Series "name"`, or `Series 3` for an unnamed one.
    func seriesName(_ s: ResolvedSeries) -> String {
        "Series " + (s.spec.name.map { "\"\($0)\"" } ?? "\(s.index + 1)")
    }

    /// An x position in words: the category's name on a categorical axis, else the number.
    func xText(_ v: Double) -> String {
        if let categories, abs(v) < 1e9 {
            let i = Int((v - 0.5).rounded())
            if categories.indices.contains(i) { return "\"\(categories[i])\"" }
        }
        return number(v)
    }

    /// "Series "a": 5 points, from (0, 1) to (4, 3), y between 1 and 7."
    func pointsSentence(_ s: ResolvedSeries, y: [Double], noun: String) -> String {
        let pts = finitePoints(s.x, y)
        var text = "\(seriesName(s)): \(pts.count) \(noun)\(pts.count == 1 ? "" : "s")"
        if let first = pts.first, let last = pts.last {
            text += ", from (\(xText(first.x)), \(number(first.y))) to (\(xText(last.x)), \(number(last.y)))"
            let ys = pts.map(\.y)
            if let lo = ys.min(), let hi = ys.max() { text += ", y between \(number(lo)) and \(number(hi))" }
        }
        return text + "."
    }

    /// A short, deterministic rendering of a value for prose.
    func number(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "−∞" : "∞") }
        guard abs(v) < 1e15 else { return "\(v)" }
        let r = (v * 1e6).rounded() / 1e6
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }

    /// What kind of chart this is, for the title and the description's first words.
    static func chartNoun(_ series: [SeriesSpec]) -> String {
        let kinds = series.map(\.kind)
        guard let first = kinds.first, kinds.allSatisfy({ $0 == first }) else { return "Chart" }
        return switch first {
        case .line: "Line chart"
        case .scatter: "Scatter plot"
        case .bar: "Bar chart"
        case .area: "Area chart"
        case .band: "Band chart"
        }
    }

    /// One axis in words: its title and range, or its categories.
    func axisSentence(_ name: String, _ spec: AxisSpec, _ axis: ResolvedAxis) -> String {
        let title = "\(name) axis" + (spec.label.map { " \"\($0)\"" } ?? "")
        if let categories = axis.categories {
            let shown = categories.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(title) with \(categories.count) categor\(categories.count == 1 ? "y" : "ies"): \(shown)\(categories.count > 12 ? ", …" : "")"
        }
        switch axis.kind {
        case .time(let offset):
            return "\(title) from \(date(axis.lower, offset: offset)) to \(date(axis.upper, offset: offset))"
        case .log:
            return "\(title) (log scale) from \(number(axis.lower)) to \(number(axis.upper))"
        case .symlog:
            return "\(title) (symmetric log scale) from \(number(axis.lower)) to \(number(axis.upper))"
        default:
            return "\(title) from \(number(axis.lower)) to \(number(axis.upper))"
        }
    }

    /// A moment as an ISO 8601 date, with the time of day when it has one.
    func date(_ seconds: Double, offset: Int) -> String {
        let c = CivilTime(secondsSinceEpoch: seconds + Double(offset))
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        var s = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
        if c.hour != 0 || c.minute != 0 || c.second != 0 { s += " \(pad(c.hour, 2)):\(pad(c.minute, 2))" }
        return s
    }
}
