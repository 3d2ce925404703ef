/// Checks that concern several series at once: one kind of x axis, one bar orientation, stacks
/// that line up.
extension SpecDecoder {
    func checkAcrossSeries(_ spec: ChartSpec) throws(SpecError) {
        let series = spec.series
        guard let first = series.first else { return }
        func sort(_ x: XValues) -> String {
            switch x {
            case .numbers: "numbers"
            case .dates: "dates"
            case .categories: "categories"
            }
        }
        for (i, s) in series.enumerated().dropFirst() where sort(s.x) != sort(first.x) {
            throw fail(xNode(i), "series[\(i)].x", "has \(sort(s.x)), but series[0] puts \(sort(first.x)) on the axis; one axis cannot mix them")
        }
        try checkLogAxes(spec)

        let bars = series.enumerated().compactMap { i, s -> (Int, BarMark)? in
            if case .bar(let b) = s.mark { return (i, b) }
            return nil
        }
        if let (firstBar, bar) = bars.first, bar.orientation == .horizontal {
            for (i, s) in series.enumerated() {
                if case .bar(let b) = s.mark, b.orientation == .horizontal { continue }
                let what = s.kind == .bar ? "vertical bars" : "a \(s.kind.rawValue) series"
                throw fail(xNode(i), "series[\(i)]", "is \(what), but series[\(firstBar)] has horizontal bars; a chart with horizontal bars holds only horizontal bars")
            }
        }

        // Stacks add up values that share an x value or category, so every stacked series needs the same ones.
        let stackedBars = bars.filter { $0.1.stack }.map(\.0)
        try checkSameKeys(series, stackedBars, what: "stacked bar")
        let stackedAreas = series.enumerated().compactMap { i, s -> Int? in
            if case .area(let a) = s.mark, a.stack { return i }
            return nil
        }
        // Areas stack point by point, so their x values must match in order, not only as a set.
        if let first = stackedAreas.first, let reference = series[first].x.numbers {
            for i in stackedAreas.dropFirst() where !sameValues(series[i].x.numbers ?? [], reference) {
                throw fail(xNode(i), "series[\(i)].x", "differs from series[\(first)]'s; stacked area series must have the same x values in the same order")
            }
        }
    }

    /// Log axes need positive values: the first value at or below zero is an error, unless the
    /// axis clamps (the layout then leaves such values out and `ChartSpec.warnings` says so).
    private func checkLogAxes(_ spec: ChartSpec) throws(SpecError) {
        for (i, s) in spec.series.enumerated() {
            if spec.x.scale == .log, !spec.x.clamp, let xs = s.x.numbers, let k = xs.firstIndex(where: { $0 <= 0 }) {
                throw fail(xNode(i), "series[\(i)].x[\(k)]", "\(format(xs[k])) is not above 0, which a log axis needs; set \"clamp\": true on x to leave such values out")
            }
            let axis = s.axis == .y2 ? (spec.y2 ?? AxisSpec()) : spec.y
            let name = s.axis.rawValue
            if case .bar(let b) = s.mark, (b.orientation == .vertical ? axis : spec.x).scale == .log {
                let valueAxis = b.orientation == .vertical ? name : "x"
                throw fail(seriesNodes[i], "series[\(i)]", "bars stand on zero, which a log axis cannot show; use a linear \(valueAxis) axis")
            }
            guard axis.scale == .log, !axis.clamp else { continue }
            for (key, values) in s.mark.valueColumns {
                if let k = values.firstIndex(where: { $0 <= 0 }) {
                    throw fail(seriesNodes[i], "series[\(i)].\(key)[\(k)]", "\(format(values[k])) is not above 0, which a log axis needs; set \"clamp\": true on \(name) to leave such values out")
                }
            }
        }
    }

    private func xNode(_ i: Int) -> JSONNode {
        seriesXNodes[min(i, seriesXNodes.count - 1)]
    }

    /// Every series in `indices` must have the same x values (as a set, for bars) as the first.
    private func checkSameKeys(_ series: [SeriesSpec], _ indices: [Int], what: String) throws(SpecError) {
        guard let first = indices.first else { return }
        let reference = keys(series[first].x)
        let referenceSet = Set(reference)
        for i in indices.dropFirst() {
            let mine = keys(series[i].x)
            let mineSet = Set(mine)
            if let missing = reference.first(where: { !mineSet.contains($0) }) {
                throw fail(xNode(i), "series[\(i)].x", "lacks \(missing), which series[\(first)] has; \(what) series must share their x values or categories")
            }
            if let extra = mine.first(where: { !referenceSet.contains($0) }) {
                throw fail(xNode(i), "series[\(i)].x", "has \(extra), which series[\(first)] lacks; \(what) series must share their x values or categories")
            }
        }
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
}
