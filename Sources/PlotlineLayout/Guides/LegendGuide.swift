import PlotlineCore
import PlotlineModel

/// One legend row: a label and the marks whose swatches it shows (a band drawn under its line
/// shares the line's row).
struct LegendEntry: Sendable {
    var label: String
    var labelWidth: Double
    /// Indices into the chart's renderers, painted in this order.
    var marks: [Int]
}

/// The legend, placed: its box, whether it has a frame, and where each entry goes.
struct LegendLayout: Sendable {
    var position: LegendPosition
    var box: Rect
    var framed: Bool
    /// Each entry with the top-left corner of its row.
    var entries: [(entry: LegendEntry, origin: Point)]
}

extension ChartLayout {
    /// The row height of a legend entry.
    var legendRowHeight: Double { theme.legendSize * 1.5 }

    /// Entries for the named series, in spec order.
    func legendEntries(_ marks: [any MarkRenderer]) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        var bands: [String: [Int]] = [:]
        for i in marks.indices where marks[i].series.underLine {
            if let name = marks[i].series.spec.name { bands[name, default: []].append(i) }
        }
        let ordered = marks.indices.sorted { marks[$0].series.index < marks[$1].series.index }
        for i in ordered {
            let s = marks[i].series
            guard let name = s.spec.name, !name.isEmpty, !s.underLine else { continue }
            var shown = [i]
            if s.spec.kind == .line, let under = bands.removeValue(forKey: name) { shown = under + [i] }
            entries.append(LegendEntry(label: name, labelWidth: measure(name, size: theme.legendSize, role: .legend).width, marks: shown))
        }
        return entries
    }

    /// How many legend rows fit in `height` pixels, at least one.
    func legendRows(fitting height: Double) -> Int {
        let rows = (height + legendRowHeight - theme.legendSize) / legendRowHeight
        return rows.isFinite ? Int(min(max(rows, 1), 10_000)) : 1
    }

    /// Entries arranged in columns of at most `maxRows` rows: their size and each entry's offset.
    func legendGrid(_ entries: [LegendEntry], maxRows: Int) -> (size: (width: Double, height: Double), offsets: [Point]) {
        let rows = max(1, min(maxRows, entries.count))
        let columns = (entries.count + rows - 1) / rows
        var offsets: [Point] = []
        var x = 0.0, width = 0.0
        for c in 0..<columns {
            let column = entries[(c * rows)..<min((c + 1) * rows, entries.count)]
            let w = theme.legendSwatchWidth + theme.legendGap + (column.map(\.labelWidth).max() ?? 0)
            for (r, _) in column.enumerated() { offsets.append(Point(x, Double(r) * legendRowHeight)) }
            width = x + w
            x += w + 3 * theme.legendGap
        }
        let height = Double(rows) * legendRowHeight - (legendRowHeight - theme.legendSize)
        return ((width, height), offsets)
    }

    /// Entries flowing left to right and wrapping within `room` pixels, for a legend above or below the plot.
    func legendFlow(_ entries: [LegendEntry], room: Double) -> (size: (width: Double, height: Double), offsets: [Point]) {
        var offsets: [Point] = []
        var x = 0.0, y = 0.0, width = 0.0
        for e in entries {
            let w = theme.legendSwatchWidth + theme.legendGap + e.labelWidth
            if x > 0, x + w > room { x = 0; y += legendRowHeight }
            offsets.append(Point(x, y))
            width = max(width, x + w)
            x += w + 3 * theme.legendGap
        }
        return ((width, y + theme.legendSize), offsets)
    }

    /// The space an outside legend takes from the plot, before the plot is known:
    /// its width for `right`, its height for `top` and `bottom`.
    func outsideLegendRoom(_ entries: [LegendEntry], position: LegendPosition, canvas: Rect) -> Double {
        let inset = theme.legendPadding
        switch position {
        case .right:
            return legendGrid(entries, maxRows: legendRows(fitting: canvas.height)).size.width + inset * 2
        case .top, .bottom:
            return legendFlow(entries, room: canvas.width).size.height + inset
        default:
            return 0
        }
    }

    /// Places the legend once the plot is known: inside in the requested corner (or the one that
    /// covers the least ink), or outside in the room the plot left for it.
    func placeLegend(_ entries: [LegendEntry], position: LegendPosition, plot: Rect, canvas: Rect,
                     obstacles: () -> [Obstacle]) -> LegendLayout? {
        guard !entries.isEmpty else { return nil }
        let inset = theme.legendPadding
        switch position {
        // Outside legends are measured against the canvas, exactly as their room was reserved.
        case .right:
            let grid = legendGrid(entries, maxRows: legendRows(fitting: canvas.height))
            let box = Rect(x: canvas.maxX - grid.size.width, y: plot.y, width: grid.size.width, height: grid.size.height)
            return layout(entries, grid.offsets, box: box, origin: Point(box.x, box.y), position: position, framed: false)
        case .top, .bottom:
            let flow = legendFlow(entries, room: canvas.width)
            let x = min(max((plot.x + (plot.width - flow.size.width) / 2).rounded(), canvas.x), max(canvas.maxX - flow.size.width, canvas.x))
            let y = position == .top ? plot.y - inset - flow.size.height : canvas.maxY - flow.size.height
            let box = Rect(x: x, y: y, width: flow.size.width, height: flow.size.height)
            return layout(entries, flow.offsets, box: box, origin: Point(x, y), position: position, framed: false)
        default:
            // Long legends wrap into columns instead of running down over the data.
            let grid = legendGrid(entries, maxRows: legendRows(fitting: plot.height * 0.7 - 2 * inset))
            let w = (grid.size.width + 2 * inset).rounded(.up), h = (grid.size.height + 2 * inset).rounded(.up)
            let left = plot.x + inset, right = plot.maxX - w - inset
            let top = plot.y + inset, bottom = plot.maxY - h - inset
            let corners: [(LegendPosition, Rect)] = [
                (.topRight, Rect(x: right, y: top, width: w, height: h)), (.topLeft, Rect(x: left, y: top, width: w, height: h)),
                (.bottomRight, Rect(x: right, y: bottom, width: w, height: h)), (.bottomLeft, Rect(x: left, y: bottom, width: w, height: h)),
            ]
            var chosen = corners[0]
            if position == .best {
                let ink = obstacles()
                var best = Double.infinity
                for corner in corners {
                    let cost = ink.reduce(0) { $0 + $1.cost(in: corner.1) }
                    if cost < best { best = cost; chosen = corner }
                }
            } else if let match = corners.first(where: { $0.0 == position }) {
                chosen = match
            }
            let box = chosen.1
            return layout(entries, grid.offsets, box: box, origin: Point(box.x + inset, box.y + inset), position: chosen.0, framed: true)
        }
    }

    private func layout(_ entries: [LegendEntry], _ offsets: [Point], box: Rect, origin: Point,
                        position: LegendPosition, framed: Bool) -> LegendLayout {
        LegendLayout(position: position, box: box, framed: framed,
                     entries: zip(entries, offsets).map { ($0, Point(origin.x + $1.x, origin.y + $1.y)) })
    }

    /// The legend's frame, swatches and labels.
    func legendNodes(_ chart: ResolvedChart) -> [SceneNode] {
        guard let legend = chart.legend else { return [] }
        var nodes: [SceneNode] = []
        let box = legend.box
        if legend.framed {
            nodes.append(.path(ScenePath(path: .rectangle(Rect(x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1)),
                                         fill: Fill(color: theme.legendFill), stroke: Stroke(color: theme.legendBorder, width: 1))))
        }
        let size = theme.legendSize
        let capHeight = measure("0", size: size, role: .legend).capHeight
        for (entry, origin) in legend.entries {
            let swatch = Rect(x: origin.x, y: origin.y, width: theme.legendSwatchWidth, height: size)
            for i in entry.marks where chart.marks.indices.contains(i) {
                nodes += chart.marks[i].swatch(in: swatch, theme: theme)
            }
            let baseline = origin.y + size / 2 + capHeight / 2
            nodes.append(.text(run(entry.label, role: .legend, at: Point(origin.x + theme.legendSwatchWidth + theme.legendGap, baseline),
                                   anchor: .start, size: size, color: theme.legendColor)))
        }
        return nodes
    }
}
