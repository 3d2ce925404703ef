/// One validation for both front ends: a spec decoded from JSON and a spec built in Swift go
/// through the same checks. The JSON decoder checks types and single values as it reads (with
/// line and column); these are the checks on the model itself: ranges, matching lengths, and
/// what concerns several series at once.
public struct SpecProblem: Sendable, Equatable {
    /// The series concerned, when there is one.
    public var series: Int?
    /// Whether the problem lies in that series' x values (so the JSON decoder points at them).
    public var atX: Bool
    /// The key path: `series[1].x`, `width`.
    public var keyPath: String
    /// What is wrong.
    public var message: String
}

extension ChartSpec {
    /// Checks the spec as the JSON loader does, throwing the same error with the key path (and
    /// no file, line or column: a spec built in Swift has none).
    public func validate() throws(SpecError) {
        if let p = firstProblem() { throw SpecError(file: "", keyPath: p.keyPath, message: p.message) }
    }

    /// The first problem with the spec, or nil when it is valid.
    public func firstProblem() -> SpecProblem? {
        singleValueProblem() ?? crossSeriesProblem() ?? axisKeyProblem()
    }

    /// Ranges and lengths: what the JSON decoder checks as it reads, restated for specs built in Swift.
    func singleValueProblem() -> SpecProblem? {
        func problem(_ keyPath: String, _ message: String, series: Int? = nil) -> SpecProblem {
            SpecProblem(series: series, atX: false, keyPath: keyPath, message: message)
        }
        let sides = 1...ChartSpecLoader.maximumSide
        if !sides.contains(width) { return problem("width", "\(format(width)) is out of range; expected 1 to 16384 pixels") }
        if !sides.contains(height) { return problem("height", "\(format(height)) is out of range; expected 1 to 16384 pixels") }
        if !(font.size > 0 && font.size <= 1000) { return problem("font.size", "\(format(font.size)) is out of range; expected more than 0 and at most 1000 pixels") }
        if let id, !isValidID(id) { return problem("id", "\(quoted(id)) is not a valid id; use a letter followed by letters, digits, '_' or '-'") }
        if series.isEmpty { return problem("series", "is empty; a chart needs at least one series") }
        for (name, axis) in [("x", x), ("y", y), ("y2", y2 ?? AxisSpec())] {
            if let lo = axis.lower, let hi = axis.upper, !(lo < hi) {
                return problem(name + ".domain", "the lower end (\(format(lo))) must be less than the upper end (\(format(hi))); use \"reverse\": true to run the axis backwards")
            }
            if [axis.lower, axis.upper].contains(where: { $0.map { !$0.isFinite } ?? false }) {
                return problem(name + ".domain", "ends must be finite numbers")
            }
            if let step = axis.tickStep, !(step > 0 && step.isFinite) { return problem(name + ".tickStep", "\(format(step)) must be greater than 0") }
            if axis.scale == .log, let lo = axis.lower, lo <= 0 { return problem(name + ".domain[0]", "\(format(lo)) is not above 0; a log axis cannot reach zero") }
            if axis.scale == .time, name != "x" { return problem(name + ".scale", "time scales are for the x axis") }
            if !(axis.constant > 0 && axis.constant.isFinite) { return problem(name + ".constant", "\(format(axis.constant)) must be greater than 0") }
        }
        for (i, s) in series.enumerated() {
            let path = "series[\(i)]"
            let n = s.x.count
            for (key, values) in s.mark.valueColumns where values.count != n {
                return problem(path, "x has \(n) \(n == 1 ? "value" : "values") but \(key) has \(values.count); they must match", series: i)
            }
            if let opacity = s.opacity, !(0...1).contains(opacity) { return problem(path + ".opacity", "\(format(opacity)) is out of range; expected 0 to 1", series: i) }
            switch s.mark {
            case .line(let m):
                if !(m.width > 0 && m.width <= 1000) { return problem(path + ".width", "\(format(m.width)) is out of range; expected more than 0 and at most 1000 pixels", series: i) }
                if let p = dashProblem(m.dash, path) { return p }
                if let marker = m.marker, !(marker.size > 0 && marker.size <= 500) { return problem(path + ".marker.size", "\(format(marker.size)) is out of range; expected more than 0 and at most 500 pixels", series: i) }
            case .scatter(let m):
                if let sizes = m.sizes {
                    if sizes.count != n { return problem(path, "x has \(n) values but size has \(sizes.count); they must match", series: i) }
                    if let (k, v) = sizes.enumerated().first(where: { $0.element < 0 }) { return problem(path + ".size[\(k)]", "\(format(v)) is negative; sizes must be 0 or more", series: i) }
                }
                if !(m.marker.size > 0 && m.marker.size <= 500) { return problem(path + ".marker.size", "\(format(m.marker.size)) is out of range; expected more than 0 and at most 500 pixels", series: i) }
            case .bar(let m):
                if !(m.barWidth > 0 && m.barWidth <= 1) { return problem(path + ".barWidth", "\(format(m.barWidth)) is out of range; expected more than 0 and at most 1", series: i) }
                if let edges = m.binEdges, edges.count != m.y.count + 1 { return problem(path, "a histogram needs one more bin edge than counts", series: i) }
            case .area(let m):
                if !(m.width >= 0 && m.width <= 1000) { return problem(path + ".width", "\(format(m.width)) is out of range; expected 0 to 1000 pixels", series: i) }
                if !m.baseline.isFinite { return problem(path + ".baseline", "must be a finite number", series: i) }
                if let p = dashProblem(m.dash, path) { return p }
            case .band:
                break
            }
        }
        return nil
    }

    private func dashProblem(_ dash: [Double], _ path: String) -> SpecProblem? {
        if dash.count > 64 { return SpecProblem(series: nil, atX: false, keyPath: path + ".dash", message: "too long; at most 64 lengths") }
        if let (k, v) = dash.enumerated().first(where: { !($0.element >= 0 && $0.element <= 10_000) }) {
            return SpecProblem(series: nil, atX: false, keyPath: path + ".dash[\(k)]", message: "\(format(v)) is out of range; expected 0 to 10000 pixels")
        }
        if !dash.isEmpty, !dash.contains(where: { $0 > 0 }) {
            return SpecProblem(series: nil, atX: false, keyPath: path + ".dash", message: "all lengths are 0; use [] for a solid line")
        }
        return nil
    }

    /// What concerns several series at once: one kind of x values per axis, one bar orientation,
    /// stacks that line up, and positive values on log axes.
    func crossSeriesProblem() -> SpecProblem? {
        guard let first = series.first else { return nil }
        func sort(_ x: XValues) -> String {
            switch x {
            case .numbers: "numbers"
            case .dates: "dates"
            case .categories: "categories"
            }
        }
        for (i, s) in series.enumerated().dropFirst() where sort(s.x) != sort(first.x) {
            return SpecProblem(series: i, atX: true, keyPath: "series[\(i)].x",
                               message: "has \(sort(s.x)), but series[0] puts \(sort(first.x)) on the axis; one axis cannot mix them")
        }
        if let p = logProblem() { return p }
        if let p = nothingToDrawProblem() { return p }

        let bars = series.enumerated().compactMap { i, s -> (Int, BarMark)? in
            if case .bar(let b) = s.mark { return (i, b) }
            return nil
        }
        if let (firstBar, bar) = bars.first, bar.orientation == .horizontal {
            for (i, s) in series.enumerated() {
                if case .bar(let b) = s.mark, b.orientation == .horizontal {
                    if s.axis == .y2 { return SpecProblem(series: i, atX: false, keyPath: "series[\(i)].axis", message: "horizontal bars measure along x; they cannot use y2") }
                    continue
                }
                let what = s.kind == .bar ? "vertical bars" : "\(article(s.kind.rawValue)) \(s.kind.rawValue) series"
                return SpecProblem(series: i, atX: true, keyPath: "series[\(i)]",
                                   message: "is \(what), but series[\(firstBar)] has horizontal bars; a chart with horizontal bars holds only horizontal bars")
            }
        }

        // Stacks add up values that share an x value or category, so every stacked series needs the same ones.
        if let p = sameKeysProblem(bars.filter { $0.1.stack }.map(\.0), what: "stacked bar") { return p }
        let stackedAreas = series.enumerated().compactMap { i, s -> Int? in
            if case .area(let a) = s.mark, a.stack { return i }
            return nil
        }
        // Areas stack point by point, so their x values must match in order, not only as a set.
        if let first = stackedAreas.first, let reference = series[first].x.numbers {
            for i in stackedAreas.dropFirst() where !sameValues(series[i].x.numbers ?? [], reference) {
                return SpecProblem(series: i, atX: true, keyPath: "series[\(i)].x",
                                   message: "differs from series[\(first)]'s; stacked area series must have the same x values in the same order")
            }
        }
        return nil
    }

    /// Log axes need positive values: the first value at or below zero is a problem, unless the
    /// axis clamps (the layout then leaves such values out and ``warnings`` says so).
    private func logProblem() -> SpecProblem? {
        for (i, s) in series.enumerated() {
            if x.scale == .log, !x.clamp, let xs = s.x.numbers, let k = xs.firstIndex(where: { $0 <= 0 }) {
                return SpecProblem(series: i, atX: true, keyPath: "series[\(i)].x[\(k)]",
                                   message: "\(format(xs[k])) is not above 0, which a log axis needs; set \"clamp\": true on x to leave such values out")
            }
            let axis = s.axis == .y2 ? (y2 ?? AxisSpec()) : y
            let name = s.axis.rawValue
            if case .bar(let b) = s.mark, (b.orientation == .vertical ? axis : x).scale == .log {
                let valueAxis = b.orientation == .vertical ? name : "x"
                return SpecProblem(series: i, atX: false, keyPath: "series[\(i)]",
                                   message: "bars stand on zero, which a log axis cannot show; use a linear \(valueAxis) axis")
            }
            if case .area(let a) = s.mark, axis.scale == .log, a.baseline <= 0 {
                return SpecProblem(series: i, atX: false, keyPath: "series[\(i)].baseline",
                                   message: "areas fill down to their baseline (\(format(a.baseline))), which a log axis cannot show; set a baseline above 0")
            }
            guard axis.scale == .log, !axis.clamp else { continue }
            for (key, values) in s.mark.valueColumns {
                if let k = values.firstIndex(where: { $0 <= 0 }) {
                    return SpecProblem(series: i, atX: false, keyPath: "series[\(i)].\(key)[\(k)]",
                                       message: "\(format(values[k])) is not above 0, which a log axis needs; set \"clamp\": true on \(name) to leave such values out")
                }
            }
        }
        return nil
    }

    /// Every series in `indices` must have the same x values (as a set) as the first.
    private func sameKeysProblem(_ indices: [Int], what: String) -> SpecProblem? {
        guard let first = indices.first else { return nil }
        let reference = keys(series[first].x)
        let referenceSet = Set(reference)
        for i in indices.dropFirst() {
            let mine = keys(series[i].x)
            let mineSet = Set(mine)
            if let missing = reference.first(where: { !mineSet.contains($0) }) {
                return SpecProblem(series: i, atX: true, keyPath: "series[\(i)].x",
                                   message: "lacks \(missing), which series[\(first)] has; \(what) series must share their x values or categories")
            }
            if let extra = mine.first(where: { !referenceSet.contains($0) }) {
                return SpecProblem(series: i, atX: true, keyPath: "series[\(i)].x",
                                   message: "has \(extra), which series[\(first)] lacks; \(what) series must share their x values or categories")
            }
        }
        return nil
    }

    /// The distinct x values of a series as quoted text, in first-appearance order.
    private func keys(_ x: XValues) -> [String] {
        var seen: [String] = []
        var set = Set<String>()
        let texts: [String] = switch x {
        case .categories(let c): c.map { quoted($0) }
        case .numbers(let v), .dates(let v): v.filter(\.isFinite).map { format($0) }
        }
        for t in texts where set.insert(t).inserted { seen.append(t) }
        return seen
    }

    /// A chart in which no series has a single point to draw is an error, not an empty picture:
    /// it is nearly always a wrong column or an all-missing export.
    func nothingToDrawProblem() -> SpecProblem? {
        func plottable(_ s: SeriesSpec) -> Bool {
            let xs = s.x.numbers
            let values: [[Double]] = switch s.mark {
            case .line(let m): [m.y]
            case .scatter(let m): [m.y]
            case .bar(let m): [m.y]
            case .area(let m): [m.y]
            case .band(let m): [m.lower, m.upper]
            }
            // A log axis that clamps leaves out values at or below 0.
            let valueAxis = s.axis == .y2 ? (y2 ?? AxisSpec()) : y
            let xFloor = x.scale == .log ? 0.0 : -Double.infinity
            let valueFloor = valueAxis.scale == .log ? 0.0 : -Double.infinity
            for i in 0..<s.x.count {
                if let xs, !(i < xs.count && xs[i].isFinite && xs[i] > xFloor) { continue }
                if values.allSatisfy({ i < $0.count && $0[i].isFinite && $0[i] > valueFloor }) { return true }
            }
            return false
        }
        guard !series.isEmpty, !series.contains(where: plottable) else { return nil }
        let named = series.prefix(3).enumerated().map { i, s in
            "series[\(i)]" + (s.name.map { " (\(quoted($0, limit: 40)))" } ?? "")
        }
        let who = series.count > 3 ? named.joined(separator: ", ") + " and \(series.count - 3) more" : listing(named)
        let verb = series.count == 1 ? "has" : "have"
        return SpecProblem(series: 0, atX: false, keyPath: "series",
                           message: "nothing to draw: \(who) \(verb) no point with both values present and finite")
    }

    /// Axis keys that only one kind of scale reads are errors on another, instead of being
    /// silently ignored; so is a category scale on an axis that holds values.
    func axisKeyProblem() -> SpecProblem? {
        func problem(_ keyPath: String, _ message: String) -> SpecProblem {
            SpecProblem(series: nil, atX: false, keyPath: keyPath, message: message)
        }
        let horizontalBars = series.contains { if case .bar(let b) = $0.mark { b.orientation == .horizontal } else { false } }
        for (name, axis) in [("x", x), ("y", y), ("y2", y2 ?? AxisSpec())] {
            let scale = axis.scale?.rawValue ?? (name == "x" ? "automatic" : "linear")
            if axis.base != .ten, axis.scale != .log {
                return problem(name + ".base", "applies to a log axis, and this one is \(scale); set \"scale\": \"log\"")
            }
            if axis.constant != 1, axis.scale != .symlog {
                return problem(name + ".constant", "applies to a symlog axis, and this one is \(scale); set \"scale\": \"symlog\"")
            }
            if axis.clamp, axis.scale != .log {
                return problem(name + ".clamp", "applies to a log axis (it leaves values at or below 0 out), and this one is \(scale)")
            }
            if axis.utcOffset != 0, axis.scale != .time {
                return problem(name + ".utcOffset", "applies to a time axis, and this one is \(scale)")
            }
            if axis.unit != nil, axis.scale != .time {
                return problem(name + ".unit", "applies to a time axis, and this one is \(scale); set \"scale\": \"time\" to read Unix times")
            }
            if name != "x", axis.scale == .band, !(name == "y" && horizontalBars) {
                return problem(name + ".scale", "band (categories) is for the axis that holds category names: x, or y with horizontal bars")
            }
        }
        // Dates are drawn with the proleptic Gregorian calendar of years 1 to 9999, as ISO 8601 writes them.
        if x.scale == .time {
            let range = -62_135_596_800.0...253_402_300_799.0
            for (i, s) in series.enumerated() {
                if let xs = s.x.numbers, let k = xs.firstIndex(where: { $0.isFinite && !range.contains($0) }) {
                    return SpecProblem(series: i, atX: true, keyPath: "series[\(i)].x[\(k)]",
                                       message: "\(format(xs[k])) seconds is outside the dates a time axis shows (years 1 to 9999)")
                }
            }
        }
        return nil
    }
}
