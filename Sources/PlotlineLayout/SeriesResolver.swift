import PlotlineCore
import PlotlineModel

/// Resolves series: colours, x positions (categories become 0.5, 1.5, …), bar groups and stacks,
/// and the painting order in which bands go under their lines.
struct SeriesResolver {
    let theme: Theme

    /// The categories along the category axis, in the axis' order, or nil for a numeric axis.
    static func categories(_ spec: ChartSpec) -> [String]? {
        var seen = Set<String>()
        var names: [String] = []
        var any = false
        for s in spec.series {
            guard let c = s.x.categories else { continue }
            any = true
            for name in c where !name.isEmpty && seen.insert(name).inserted { names.append(name) }
        }
        guard any else { return nil }
        let horizontal = isHorizontal(spec)
        switch (horizontal ? spec.y : spec.x).sort {
        case .data: break
        case .ascending: names.sort()
        case .descending: names.sort(by: >)
        }
        return names
    }

    /// Whether the chart's bars are horizontal, which puts the series' x values on the vertical axis.
    static func isHorizontal(_ spec: ChartSpec) -> Bool {
        spec.series.contains { if case .bar(let b) = $0.mark { b.orientation == .horizontal } else { false } }
    }

    /// The series resolved, in painting order.
    func resolve(_ spec: ChartSpec, categories: [String]?) -> [ResolvedSeries] {
        let palette = theme.palette.isEmpty ? Theme().palette : theme.palette
        let horizontal = SeriesResolver.isHorizontal(spec)
        var index: [String: Int] = [:]
        for (i, name) in (categories ?? []).enumerated() { index[name] = i }
        let count = Double(categories?.count ?? 0)

        // A band named like a line goes under it and takes its colour, so it takes no palette slot of its own.
        let lineNames = Set(spec.series.compactMap { $0.kind == .line ? $0.name : nil })
        let underLine = spec.series.map { $0.kind == .band && $0.name.map(lineNames.contains) == true }
        var slot = 0
        var result: [ResolvedSeries] = spec.series.enumerated().map { i, s in
            var x: [Double] = switch s.x {
            case .numbers(let v), .dates(let v): v
            case .categories(let c): c.map { name in
                guard let k = index[name] else { return .nan }
                // Categories read top to bottom on a vertical axis.
                return horizontal ? count - Double(k) - 0.5 : Double(k) + 0.5
            }
            }
            let defaultOpacity: Double = switch s.mark {
            case .band: theme.bandOpacity
            case .area(let a): a.stack ? 1 : theme.areaOpacity
            default: 1
            }
            let color = s.color ?? palette[slot % palette.count]
            // A log axis has no place for values at or below zero: they become gaps (the loader
            // refused them unless the axis clamps, and then warned).
            var s = s
            if spec.x.scale == .log { x = x.map { $0 > 0 ? $0 : .nan } }
            if (s.axis == .y2 ? spec.y2?.scale : spec.y.scale) == .log { s.mark = s.mark.mapValues { $0 > 0 ? $0 : .nan } }
            if !underLine[i] { slot += 1 }
            var r = ResolvedSeries(index: i, spec: s, color: color, opacity: s.opacity ?? defaultOpacity, x: x,
                                   swapped: horizontal && s.kind == .bar)
            r.underLine = underLine[i]
            return r
        }
        var lineColors: [String: PlotColor] = [:]
        for r in result where r.spec.kind == .line {
            if let name = r.spec.name, lineColors[name] == nil { lineColors[name] = r.color }
        }
        for i in result.indices where result[i].underLine && result[i].spec.color == nil {
            if let name = result[i].spec.name, let color = lineColors[name] { result[i].color = color }
        }

        resolveBars(&result, categorical: categories != nil)
        resolveAreas(&result)
        return paintingOrder(result)
    }

    /// Slots for grouped bars (all stacked bars share one), the space per x value, and stack bases.
    private func resolveBars(_ series: inout [ResolvedSeries], categorical: Bool) {
        let bars = series.indices.filter { series[$0].spec.kind == .bar }
        guard !bars.isEmpty else { return }
        var slots = 0
        var stackSlot: Int?
        for i in bars {
            guard case .bar(let b) = series[i].spec.mark else { continue }
            if b.stack {
                if stackSlot == nil { stackSlot = slots; slots += 1 }
                series[i].slot = stackSlot ?? 0
            } else {
                series[i].slot = slots
                slots += 1
            }
        }
        // On a numeric axis the space per bar is the smallest gap between neighbouring x values.
        var band = 1.0
        if !categorical {
            let xs = Array(Set(bars.flatMap { series[$0].x.filter(\.isFinite) })).sorted()
            let gaps = zip(xs, xs.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }
            band = gaps.min() ?? 1
        }
        // Stacks: positive values pile up from zero, negative ones down from it, per x value.
        var up: [Double: Double] = [:], down: [Double: Double] = [:]
        for i in bars {
            series[i].slotCount = slots
            series[i].bandWidth = band
            guard case .bar(let b) = series[i].spec.mark, b.stack else { continue }
            var base: [Double] = []
            for (x, v) in zip(series[i].x, b.y) {
                guard x.isFinite, v.isFinite else { base.append(0); continue }
                if v >= 0 {
                    base.append(up[x] ?? 0); up[x] = (up[x] ?? 0) + v
                } else {
                    base.append(down[x] ?? 0); down[x] = (down[x] ?? 0) + v
                }
            }
            series[i].base = base
        }
    }

    /// Stack bases for stacked areas: each starts on the previous stacked area's top, point by point.
    private func resolveAreas(_ series: inout [ResolvedSeries]) {
        var top: [Double]?
        for i in series.indices {
            guard case .area(let a) = series[i].spec.mark, a.stack else { continue }
            let base = top ?? [Double](repeating: a.baseline, count: a.y.count)
            let padded = (0..<a.y.count).map { $0 < base.count && base[$0].isFinite ? base[$0] : a.baseline }
            series[i].base = padded
            top = zip(padded, a.y).map { $0 + ($1.isFinite ? $1 : 0) }
        }
    }

    /// Spec order, except that a band paired with a line is painted just before that line.
    private func paintingOrder(_ series: [ResolvedSeries]) -> [ResolvedSeries] {
        var bands: [String: [ResolvedSeries]] = [:]
        for s in series where s.underLine {
            if let name = s.spec.name { bands[name, default: []].append(s) }
        }
        var order: [ResolvedSeries] = []
        for s in series {
            if s.underLine { continue }
            // Bands go under the first line of their name; taking them out places each once.
            if s.spec.kind == .line, let name = s.spec.name, let under = bands.removeValue(forKey: name) {
                order += under
            }
            order.append(s)
        }
        return order
    }
}
