import PlotlineCore
import PlotlineModel

/// Draws bars from zero (or from the stack below) to each value, side by side with the other
/// unstacked bar series of the chart, or across a histogram's bin edges.
struct BarRenderer: MarkRenderer {
    let series: ResolvedSeries
    let mark: BarMark

    /// Where bar `i` starts along the value axis.
    func start(_ i: Int) -> Double { series.base?[i] ?? 0 }
    /// Where bar `i` ends along the value axis.
    func end(_ i: Int) -> Double { start(i) + mark.y[i] }

    /// The bar's extent along the category axis, in data units.
    func span(_ i: Int) -> (lower: Double, upper: Double) {
        if let edges = mark.binEdges, i + 1 < edges.count { return (edges[i], edges[i + 1]) }
        let group = series.bandWidth * mark.barWidth
        let slot = group / Double(max(series.slotCount, 1))
        let lower = series.x[i] - group / 2 + Double(series.slot) * slot
        return (lower, lower + slot)
    }

    /// The indices of the bars that are drawn.
    var drawn: [Int] {
        (0..<min(series.x.count, mark.y.count)).filter { series.x[$0].isFinite && mark.y[$0].isFinite }
    }

    func extent() -> (x: Extent, y: Extent) {
        var along = Extent(), value = Extent()
        for i in drawn {
            let s = span(i)
            along.include(s.lower); along.include(s.upper)
            value.include(start(i)); value.include(end(i))
            if let e = mark.errors {
                value.include(e.lower[i] + (series.base?[i] ?? 0)); value.include(e.upper[i] + (series.base?[i] ?? 0))
            }
        }
        if series.base == nil { value.include(0) }
        return series.swapped ? (value, along) : (along, value)
    }

    var overhang: Double { 0 }

    /// Each bar's rectangle in pixels, edges on whole pixels so bars look crisp; a histogram's
    /// bars keep a one-pixel gap between neighbours.
    func rects(_ frame: PlotFrame) -> [(index: Int, rect: Rect)] {
        drawn.compactMap { i in
            let s = span(i)
            let a = frame.point(s.lower, start(i), swapped: series.swapped)
            let b = frame.point(s.upper, end(i), swapped: series.swapped)
            var x0 = min(a.x, b.x), x1 = max(a.x, b.x), y0 = min(a.y, b.y), y1 = max(a.y, b.y)
            // The scale maps to pixel centres; bar edges belong on pixel boundaries half a pixel out.
            if series.swapped {
                x0 = (x0 - 0.5).rounded(); x1 = (x1 + 0.5).rounded()
                (y0, y1) = ((y0).rounded(), (y1).rounded())
            } else {
                (x0, x1) = ((x0).rounded(), (x1).rounded())
                y0 = (y0 - 0.5).rounded(); y1 = (y1 + 0.5).rounded()
            }
            if mark.binEdges != nil {
                if series.swapped { y0 += 0.5; y1 -= 0.5 } else { x0 += 0.5; x1 -= 0.5 }
            }
            guard x1 > x0, y1 > y0 else { return nil }
            return (i, Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
        }
    }

    func nodes(in frame: PlotFrame) -> [SceneNode] {
        var path = Path()
        for (_, r) in rects(frame) { path.append(.rectangle(r)) }
        var nodes: [SceneNode] = []
        if !path.isEmpty { nodes.append(.path(ScenePath(path: path, fill: Fill(color: series.paint)))) }
        if let errors = mark.errors {
            let centers = (0..<series.x.count).map { i in i < mark.y.count ? (span(i).lower + span(i).upper) / 2 : .nan }
            // Caps a third of a bar wide, within limits that keep them visible and tidy.
            let along = series.swapped ? frame.y : frame.x
            let slot = drawn.first.map { span($0).upper - span($0).lower } ?? 0
            let cap = min(max(abs(along.map(slot) - along.map(0)) * 0.35, 4), frame.theme.errorBarCap * 1.5)
            nodes += ErrorBarRenderer.nodes(shiftedErrors(errors), x: centers, frame: frame, color: frame.theme.errorBarColor,
                                            cap: cap, width: frame.theme.errorBarWidth, swapped: series.swapped)
        }
        return nodes
    }

    /// Error ends given for the bar's own value, moved up by the stack below it.
    func shiftedErrors(_ errors: ErrorBars) -> ErrorBars {
        guard let base = series.base else { return errors }
        return ErrorBars(lower: zip(errors.lower, base).map { $0 + $1 }, upper: zip(errors.upper, base).map { $0 + $1 })
    }

    func obstacles(in frame: PlotFrame) -> [Obstacle] {
        rects(frame).map { .box($0.rect) }
    }

    func swatch(in box: Rect, theme: Theme) -> [SceneNode] {
        [squareSwatch(in: box, fill: series.paint)]
    }

    func sentence(_ prose: Prose) -> String {
        if let edges = mark.binEdges, let first = edges.first, let last = edges.last {
            let counts = mark.y.filter(\.isFinite)
            return "\(prose.seriesName(series)): histogram of \(Int(counts.reduce(0, +))) values in \(counts.count) bin\(counts.count == 1 ? "" : "s") "
                + "from \(prose.number(first)) to \(prose.number(last)), counts between \(prose.number(counts.min() ?? 0)) and \(prose.number(counts.max() ?? 0))."
        }
        return prose.pointsSentence(series, y: mark.y, noun: "bar")
    }
}
