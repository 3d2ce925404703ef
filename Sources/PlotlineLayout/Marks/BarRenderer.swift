import PlotlineCore
import PlotlineModel
import PlotlineScales

/// Draws bars from zero (or from the stack below) to each value, side by side with the other
/// unstacked bar series of the chart, or across a histogram's bin edges.
struct BarRenderer: MarkRenderer {
    let series: ResolvedSeries
    let mark: BarMark

    /// Where bar `i` starts along the value axis.
    func start(_ i: Int) -> Double { series.base.map { $0.value(at: i) } ?? 0 }
    /// Where bar `i` ends along the value axis.
    func end(_ i: Int) -> Double { start(i) + mark.y[i] }

    /// The bar's extent along the category axis, in data units.
    func span(_ i: Int) -> (lower: Double, upper: Double) {
        if let edges = mark.binEdges, i + 1 < edges.count { return (edges[i], edges[i + 1]) }
        let group = series.bandWidth * mark.barWidth
        let slot = group / Double(max(series.slotCount, 1))
        // Groups read left to right, or top to bottom for horizontal bars, where data values rise upwards.
        let position = series.swapped ? series.slotCount - 1 - series.slot : series.slot
        let lower = series.x[i] - group / 2 + Double(position) * slot
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
                value.include(e.lower.value(at: i) + (series.base?.value(at: i) ?? 0)); value.include(e.upper.value(at: i) + (series.base?.value(at: i) ?? 0))
            }
        }
        if series.base == nil { value.include(0) }
        return series.swapped ? (value, along) : (along, value)
    }

    var overhang: Double { 0 }

    /// Each bar's rectangle in pixels, edges on whole pixels so bars look crisp and stacked bars
    /// meet without overlap; a histogram's bars keep a one-pixel gap between neighbours.
    func rects(_ frame: PlotFrame) -> [(index: Int, rect: Rect)] {
        // Values map to pixel boundaries here (the plot's edges), not to pixel centres as points do,
        // so a bar from the domain's lower end covers the outermost row and adjacent bars share an edge.
        let edges = (series.swapped ? frame.x : frame.y).toEdges
        let along = series.swapped ? frame.y : frame.x
        return drawn.compactMap { i in
            let s = span(i)
            let a0 = frame.clampPixel(along.map(s.lower)).rounded(), a1 = frame.clampPixel(along.map(s.upper)).rounded()
            let v0 = frame.clampPixel(edges.map(start(i))).rounded(), v1 = frame.clampPixel(edges.map(end(i))).rounded()
            let lo = min(a0, a1)
            var hi = max(a0, a1)
            // Neighbouring bins share an edge; taking a whole pixel off one side leaves a crisp gap.
            if mark.binEdges != nil, hi - lo > 2 { hi -= 1 }
            let (vlo, vhi) = (min(v0, v1), max(v0, v1))
            guard hi > lo, vhi > vlo else { return nil }
            let rect = series.swapped ? Rect(x: vlo, y: lo, width: vhi - vlo, height: hi - lo)
                                      : Rect(x: lo, y: vlo, width: hi - lo, height: vhi - vlo)
            return (i, rect)
        }
    }

    func nodes(in frame: PlotFrame) -> [SceneNode] {
        var path = PlotPath()
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
            return "\(prose.seriesName(series)): histogram of \(prose.number(counts.reduce(0, +))) values in \(counts.count) bin\(counts.count == 1 ? "" : "s") "
                + "from \(prose.number(first)) to \(prose.number(last)), counts between \(prose.number(counts.min() ?? 0)) and \(prose.number(counts.max() ?? 0))."
        }
        return prose.pointsSentence(series, y: mark.y, noun: "bar")
    }
}
