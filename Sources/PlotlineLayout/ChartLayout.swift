import PlotlineCore
import PlotlineFonts
import PlotlineModel
import PlotlineScales

/// The faces a chart is set in.
public struct ChartFonts: Sendable {
    /// The face for tick labels, axis titles and the legend.
    public var regular: Font
    /// The face for the chart title.
    public var bold: Font

    /// Creates a font pair; pass the same face twice when no bold face is at hand.
    public init(regular: Font, bold: Font) {
        self.regular = regular
        self.bold = bold
    }
}

/// Lays a ``ChartSpec`` out into a ``Scene``: scales, ticks, margins fitted to the measured text,
/// pixel-snapped rules, series paths, legend and the accessible description.
public struct ChartLayout: Sendable {
    /// The look.
    public var theme: Theme
    /// The fonts text is measured and outlined with.
    public var fonts: ChartFonts

    /// Creates a layout engine.
    public init(fonts: ChartFonts, theme: Theme = Theme()) {
        self.fonts = fonts
        self.theme = theme
    }

    /// The Scene for `spec`.
    public func scene(for spec: ChartSpec) -> Scene {
        let tickSize = spec.font.size
        // Specs from the loader are already in range; ones built in Swift may not be.
        let width = ChartLayout.canvasSide(spec.width, default: 800)
        let height = ChartLayout.canvasSide(spec.height, default: 500)
        let pad = min(theme.padding, width * 0.04, height * 0.04)
        let tickFont = fonts.regular

        // Measure text that does not depend on the plot size.
        let label = tickFont.layout("0", size: tickSize)
        let digitHeight = label.capHeight
        let xTitle = spec.x.label.map { tickFont.layout($0, size: theme.axisTitleSize) }
        let yTitle = spec.y.label.map { tickFont.layout($0, size: theme.axisTitleSize) }
        let titleLayout = spec.title.map { fonts.bold.layout($0, size: theme.titleSize) }
        // An axis title's ink runs from ascender top (~0.76 em above the baseline in DejaVu Sans) to
        // descender bottom (~0.24 em below): one em, tighter than the font's 1.16 em line height.
        let titleLine = theme.axisTitleSize
        let titleAscent = theme.axisTitleSize * 0.76

        // Data extents, ignoring non-finite values.
        let xData = Extent(spec.series.flatMap { $0.x })
        let yData = Extent(spec.series.flatMap { $0.y })

        // Margins depend on the tick labels, whose count depends on the plot size: two passes settle it.
        var plot = Rect(x: pad, y: pad, width: width - 2 * pad, height: height - 2 * pad)
        var xAxis = AxisResolution.empty, yAxis = AxisResolution.empty
        for _ in 0..<2 {
            // x labels sit side by side: they need their width plus a gap; y labels are stacked and
            // need a little more than two lines' height to breathe.
            xAxis = resolve(spec.x, data: xData, length: plot.width, perTick: 50) { labels in
                (labels.map { tickFont.layout($0, size: tickSize).width }.max() ?? 0) + 16
            }
            yAxis = resolve(spec.y, data: yData, length: plot.height, perTick: 40) { _ in digitHeight * 2.5 }
            let yLabelWidth = yAxis.labels.map { tickFont.layout($0, size: tickSize).width }.max() ?? 0
            let firstX = xAxis.labels.first.map { tickFont.layout($0, size: tickSize).width } ?? 0
            let lastX = xAxis.labels.last.map { tickFont.layout($0, size: tickSize).width } ?? 0

            var left = pad + yLabelWidth + theme.tickLabelGap + theme.tickLength
            if yTitle != nil { left += titleLine + theme.axisTitleGap }
            left = max(left, pad + firstX / 2)
            var bottom = pad + theme.tickLength + theme.tickLabelGap + digitHeight
            if xTitle != nil { bottom += theme.axisTitleGap + titleLine }
            var top = pad + digitHeight / 2
            if let t = titleLayout { top = pad + t.capHeight + t.descent + theme.titleGap }
            let right = pad + max(lastX / 2 - pad, 0)

            // Whole-pixel edges keep the one-pixel rules crisp.
            let l = left.rounded(.up), t = top.rounded(.up)
            let r = (width - right).rounded(.down), b = (height - bottom).rounded(.down)
            plot = Rect(x: l, y: t, width: max(r - l, 1), height: max(b - t, 1))
        }

        // Data map to pixel centres, so the domain's ends fall on the outermost rows and columns.
        let xScale = LinearScale(domainLower: xAxis.lower, domainUpper: xAxis.upper,
                                 rangeLower: plot.x + 0.5, rangeUpper: plot.maxX - 0.5)
        let yScale = LinearScale(domainLower: yAxis.lower, domainUpper: yAxis.upper,
                                 rangeLower: plot.maxY - 0.5, rangeUpper: plot.y + 0.5)

        var nodes: [SceneNode] = []

        // Gridlines, behind everything.
        var grid: [SceneNode] = []
        let gridStroke = Stroke(color: theme.gridColor, width: 1)
        if spec.x.grid {
            var p = Path()
            for v in xAxis.ticks {
                let x = snap(xScale.map(v))
                p.move(to: Point(x, plot.y)); p.line(to: Point(x, plot.maxY))
            }
            if !p.isEmpty { grid.append(.path(ScenePath(path: p, stroke: gridStroke))) }
        }
        if spec.y.grid {
            var p = Path()
            for v in yAxis.ticks {
                let y = snap(yScale.map(v))
                p.move(to: Point(plot.x, y)); p.line(to: Point(plot.maxX, y))
            }
            if !p.isEmpty { grid.append(.path(ScenePath(path: p, stroke: gridStroke))) }
        }
        if !grid.isEmpty { nodes.append(.group(SceneGroup(role: "grid", nodes: grid))) }

        // Series, clipped to the plot area grown by half the widest stroke so lines on the domain's edge keep their full width.
        let maxWidth = spec.series.map(\.width).max() ?? 0
        let grow = maxWidth / 2
        let clip = Rect(x: plot.x - grow, y: plot.y - grow, width: plot.width + 2 * grow, height: plot.height + 2 * grow)
        var seriesNodes: [SceneNode] = []
        let seriesPaths = spec.series.map { polyline($0, xScale, yScale) }
        for (i, (s, path)) in zip(spec.series, seriesPaths).enumerated() {
            let stroke = Stroke(color: seriesColor(s, i), width: s.width, cap: .round, join: .round, dash: s.dash)
            seriesNodes.append(.group(SceneGroup(role: "series series-\(i)", nodes: [.path(ScenePath(path: path, stroke: stroke))])))
        }
        nodes.append(.group(SceneGroup(role: "data", clip: clip, nodes: seriesNodes)))

        // Axes: bottom and left lines on the domain's lower ends (the outermost pixel rows and columns of
        // the plot area), tick marks pointing out, drawn over the data's edges.
        let axisStroke = Stroke(color: theme.axisColor, width: 1)
        var xNodes: [SceneNode] = []
        var xLine = Path()
        let axisY = plot.maxY - 0.5
        xLine.move(to: Point(plot.x, axisY)); xLine.line(to: Point(plot.maxX, axisY))
        for v in xAxis.ticks {
            let x = snap(xScale.map(v))
            xLine.move(to: Point(x, axisY + 0.5)); xLine.line(to: Point(x, axisY + 0.5 + theme.tickLength))
        }
        xNodes.append(.path(ScenePath(path: xLine, stroke: axisStroke)))
        let xLabelBaseline = plot.maxY + theme.tickLength + theme.tickLabelGap + digitHeight
        for (v, text) in zip(xAxis.ticks, xAxis.labels) {
            xNodes.append(.text(run(text, at: Point(snap(xScale.map(v)), xLabelBaseline), anchor: .middle,
                                    size: tickSize, color: theme.tickLabelColor)))
        }
        if let label = spec.x.label, let layout = xTitle {
            let baseline = xLabelBaseline + theme.axisTitleGap + titleAscent
            let fit = fitted(layout.width, size: theme.axisTitleSize, center: plot.x + plot.width / 2, within: pad, width - pad)
            xNodes.append(.text(run(label, at: Point(fit.center, baseline), anchor: .middle,
                                    size: fit.size, color: theme.titleColor)))
        }
        nodes.append(.group(SceneGroup(role: "axis axis-x", nodes: xNodes)))

        var yNodes: [SceneNode] = []
        var yLine = Path()
        let axisX = plot.x + 0.5
        yLine.move(to: Point(axisX, plot.y)); yLine.line(to: Point(axisX, plot.maxY))
        for v in yAxis.ticks {
            let y = snap(yScale.map(v))
            yLine.move(to: Point(axisX - 0.5 - theme.tickLength, y)); yLine.line(to: Point(axisX - 0.5, y))
        }
        yNodes.append(.path(ScenePath(path: yLine, stroke: axisStroke)))
        let yLabelRight = plot.x - theme.tickLength - theme.tickLabelGap
        for (v, text) in zip(yAxis.ticks, yAxis.labels) {
            yNodes.append(.text(run(text, at: Point(yLabelRight, snap(yScale.map(v)) + digitHeight / 2), anchor: .end,
                                    size: tickSize, color: theme.tickLabelColor)))
        }
        if let label = spec.y.label, let layout = yTitle {
            // Rotated −90°: the baseline runs upwards and the glyphs' ascent points left, towards the canvas edge.
            let x = pad + titleAscent
            let fit = fitted(layout.width, size: theme.axisTitleSize, center: plot.y + plot.height / 2, within: pad, height - pad)
            yNodes.append(.text(run(label, at: Point(x, fit.center), anchor: .middle, rotation: -90,
                                    size: fit.size, color: theme.titleColor)))
        }
        nodes.append(.group(SceneGroup(role: "axis axis-y", nodes: yNodes)))

        if let title = spec.title, let t = titleLayout {
            let fit = fitted(t.width, size: theme.titleSize, center: plot.x + plot.width / 2, within: pad, width - pad)
            let node = run(title, at: Point(fit.center, pad + t.capHeight), anchor: .middle,
                           size: fit.size, color: theme.titleColor, bold: true)
            nodes.append(.group(SceneGroup(role: "title", nodes: [.text(node)])))
        }

        if spec.legend {
            let legend = legendNodes(spec, plot: plot, avoiding: seriesPaths)
            if !legend.isEmpty { nodes.append(.group(SceneGroup(role: "legend", nodes: legend))) }
        }

        return Scene(width: width, height: height, background: spec.background,
                     title: spec.title ?? defaultTitle(spec),
                     description: spec.description ?? describe(spec, xAxis, yAxis),
                     idPrefix: spec.id ?? "", nodes: nodes)
    }

    // MARK: - Axes

    struct AxisResolution {
        var lower: Double
        var upper: Double
        var ticks: [Double]
        var labels: [String]
        static let empty = AxisResolution(lower: 0, upper: 1, ticks: [], labels: [])
    }

    /// Domain, ticks and labels for one axis of `length` pixels.
    ///
    /// Starts from one tick per `perTick` pixels (at least 3, at most 10) and asks for fewer while
    /// neighbouring ticks sit closer than `spacing(labels)` pixels, so labels never collide.
    func resolve(_ axis: AxisSpec, data: Extent, length: Double, perTick: Double,
                 spacing: ([String]) -> Double) -> AxisResolution {
        let fitting = length / perTick
        var maxCount = fitting.isFinite ? Int(min(max(fitting.rounded(.down), 3), 10)) : 3
        while true {
            let axisResolution = resolve(axis, data: data, maxCount: maxCount)
            guard axis.tickStep == nil, maxCount > 2, axisResolution.ticks.count > 1 else { return axisResolution }
            let pixelsPerTick = length * abs(axisResolution.ticks[1] - axisResolution.ticks[0])
                / (axisResolution.upper - axisResolution.lower)
            if pixelsPerTick >= spacing(axisResolution.labels) { return axisResolution }
            maxCount -= 1
        }
    }

    /// Domain, ticks and labels for one axis with at most `maxCount` automatic ticks.
    func resolve(_ axis: AxisSpec, data: Extent, maxCount: Int) -> AxisResolution {
        var lower: Double, upper: Double
        if let lo = axis.lower, let hi = axis.upper {
            (lower, upper) = (lo, hi)
        } else {
            // A half-set domain keeps its given end and lets the data choose the other.
            let lo = axis.lower ?? data.min ?? axis.upper.map { $0 - 1 } ?? 0
            let hi = axis.upper ?? data.max ?? axis.lower.map { $0 + 1 } ?? 1
            let auto = Ticks.autoDomain(dataMin: min(lo, hi), dataMax: max(lo, hi), maxCount: maxCount)
            lower = axis.lower ?? auto.lower
            upper = axis.upper ?? auto.upper
            if !(lower < upper) {
                // The data lie wholly beyond the given end: show a span of a tenth of it (at least 1) next to it,
                // kept finite at the very ends of the Double range.
                let span = max(abs(axis.lower ?? upper) * 0.1, 1)
                if axis.lower != nil {
                    upper = min(lower + span, .greatestFiniteMagnitude)
                    if !(lower < upper) { lower = upper - abs(upper) * 0.1 }
                } else {
                    lower = max(upper - span, -.greatestFiniteMagnitude)
                    if !(lower < upper) { upper = lower + abs(lower) * 0.1 }
                }
            }
        }
        let set = axis.tickStep.map { Ticks.fixed(lower: lower, upper: upper, step: $0) }
            ?? Ticks.automatic(lower: lower, upper: upper, maxCount: maxCount)
        return AxisResolution(lower: lower, upper: upper, ticks: set.values, labels: set.labels)
    }

    /// Where to centre a title of `length` pixels at `size` so it stays within `lower…upper`, and the
    /// size it needs: the preferred centre when it fits, else the nearest centre that fits, else a
    /// smaller size, because a shrunken title reads better than a clipped one.
    func fitted(_ length: Double, size: Double, center: Double, within lower: Double, _ upper: Double) -> (center: Double, size: Double) {
        let room = max(upper - lower, 1)
        guard length > 0 else { return (center, size) }
        let scale = min(1, room / length)
        let half = length * scale / 2
        return (min(max(center, lower + half), upper - half), size * scale)
    }

    /// The centre of the one-pixel row or column nearest `v`, so one-pixel rules cover whole pixels.
    func snap(_ v: Double) -> Double {
        guard v.isFinite else { return 0 }
        return (v - 0.5).rounded() + 0.5
    }

    // MARK: - Series

    /// The series as a polyline; non-finite values end the current segment.
    func polyline(_ s: SeriesSpec, _ xs: LinearScale, _ ys: LinearScale) -> Path {
        var path = Path()
        var penDown = false
        for (x, y) in zip(s.x, s.y) {
            guard x.isFinite, y.isFinite else {
                penDown = false
                continue
            }
            let p = Point(clampPixel(xs.map(x)), clampPixel(ys.map(y)))
            if penDown { path.line(to: p) } else { path.move(to: p) }
            penDown = true
        }
        return path
    }

    /// Keeps far-off-scale points representable so writers and the rasterizer never see huge numbers;
    /// the clip hides them either way.
    func clampPixel(_ v: Double) -> Double { min(max(v, -1e6), 1e6) }

    func seriesColor(_ s: SeriesSpec, _ i: Int) -> Color {
        let palette = theme.palette.isEmpty ? Theme().palette : theme.palette
        return s.color ?? palette[i % palette.count]
    }

    // MARK: - Text

    /// A text run measured and outlined with the regular (or bold) face.
    public func run(_ text: String, at origin: Point, anchor: TextAnchor, rotation: Double = 0, size: Double,
             color: Color, bold: Bool = false) -> SceneText {
        let font = bold ? fonts.bold : fonts.regular
        let layout = font.layout(text, size: size)
        let shift: Double = switch anchor {
        case .start: 0
        case .middle: -layout.width / 2
        case .end: -layout.width
        }
        let placement = Transform.translation(shift, 0)
            .concatenating(.rotation(degrees: rotation))
            .concatenating(.translation(origin.x, origin.y))
        return SceneText(text: text, origin: origin, anchor: anchor, rotation: rotation,
                         font: FontDescriptor(family: font.familyName, size: size, bold: bold),
                         color: color, glyphs: layout.outline.transformed(by: placement))
    }

    // MARK: - Legend

    func legendNodes(_ spec: ChartSpec, plot: Rect, avoiding paths: [Path]) -> [SceneNode] {
        let named = spec.series.enumerated().filter { $0.element.name != nil }
        guard !named.isEmpty else { return [] }
        let size = theme.legendSize
        let swatch = 18.0, gap = 6.0, rowHeight = size * 1.5, inset = 8.0
        let widths = named.map { fonts.regular.layout($0.element.name ?? "", size: size).width }
        let boxWidth = (inset * 2 + swatch + gap + (widths.max() ?? 0)).rounded(.up)
        let boxHeight = (inset * 2 + rowHeight * Double(named.count) - (rowHeight - size)).rounded(.up)
        let box = legendBox(width: boxWidth, height: boxHeight, plot: plot, avoiding: paths)
        var nodes: [SceneNode] = [.path(ScenePath(path: .rectangle(Rect(x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1)),
                                                  fill: Fill(color: Color.white.withOpacity(0.85)),
                                                  stroke: Stroke(color: theme.gridColor, width: 1)))]
        let capHeight = fonts.regular.layout("0", size: size).capHeight
        for (row, (i, s)) in named.enumerated() {
            let centerY = box.y + inset + size / 2 + Double(row) * rowHeight
            var line = Path()
            line.move(to: Point(box.x + inset, centerY)); line.line(to: Point(box.x + inset + swatch, centerY))
            nodes.append(.path(ScenePath(path: line, stroke: Stroke(color: seriesColor(s, i), width: s.width, cap: .round, dash: s.dash))))
            let baseline = centerY + capHeight / 2
            nodes.append(.text(run(s.name ?? "", at: Point(box.x + inset + swatch + gap, baseline), anchor: .start,
                                   size: size, color: theme.titleColor)))
        }
        return nodes
    }

    /// The legend's place: the plot corner (top right, top left, bottom right, bottom left, in
    /// that order of preference) whose box the fewest data segments cross.
    func legendBox(width: Double, height: Double, plot: Rect, avoiding paths: [Path]) -> Rect {
        let inset = 8.0
        let left = plot.x + inset, right = plot.maxX - width - inset
        let top = plot.y + inset, bottom = plot.maxY - height - inset
        let corners = [Rect(x: right, y: top, width: width, height: height),
                       Rect(x: left, y: top, width: width, height: height),
                       Rect(x: right, y: bottom, width: width, height: height),
                       Rect(x: left, y: bottom, width: width, height: height)]
        var hits = [Int](repeating: 0, count: corners.count)
        for path in paths {
            var previous: Point?
            for element in path.elements {
                switch element {
                case .move(let p):
                    previous = p
                    for (i, box) in corners.enumerated() where ChartLayout.segment(p, p, crosses: box) { hits[i] += 1 }
                case .line(let p):
                    if let a = previous {
                        for (i, box) in corners.enumerated() where ChartLayout.segment(a, p, crosses: box) { hits[i] += 1 }
                    }
                    previous = p
                default:
                    break
                }
            }
        }
        var best = 0
        for i in corners.indices where hits[i] < hits[best] { best = i }
        return corners[best]
    }

    /// Whether the segment a–b touches the rectangle (Liang–Barsky clipping: the parameter range
    /// left after clipping against the four sides is not empty).
    static func segment(_ a: Point, _ b: Point, crosses r: Rect) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        func clip(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            return t0 <= t1
        }
        return clip(-dx, a.x - r.x) && clip(dx, r.maxX - a.x) && clip(-dy, a.y - r.y) && clip(dy, r.maxY - a.y)
    }

    /// A canvas side in range: finite, 1…16384 pixels, else `default`.
    static func canvasSide(_ v: Double, default d: Double) -> Double {
        v.isFinite ? min(max(v, 1), 16384) : d
    }

    // MARK: - Description

    func defaultTitle(_ spec: ChartSpec) -> String {
        switch (spec.y.label, spec.x.label) {
        case let (y?, x?): "\(y) vs. \(x)"
        case let (y?, nil): y
        default: "Line chart"
        }
    }

    /// A sentence or two for screen readers: the axes with their ranges, then each series.
    func describe(_ spec: ChartSpec, _ x: AxisResolution, _ y: AxisResolution) -> String {
        let count = spec.series.count
        var s = "Line chart with \(count) series. "
        s += "X axis\(spec.x.label.map { " \"\($0)\"" } ?? "") from \(number(x.lower)) to \(number(x.upper)); "
        s += "Y axis\(spec.y.label.map { " \"\($0)\"" } ?? "") from \(number(y.lower)) to \(number(y.upper))."
        for (i, series) in spec.series.enumerated() {
            let pts = zip(series.x, series.y).filter { $0.0.isFinite && $0.1.isFinite }
            let name = series.name.map { "\"\($0)\"" } ?? "\(i + 1)"
            s += " Series \(name): \(pts.count) point\(pts.count == 1 ? "" : "s")"
            if let first = pts.first, let last = pts.last {
                s += ", from (\(number(first.0)), \(number(first.1))) to (\(number(last.0)), \(number(last.1)))"
                let ys = pts.map(\.1)
                if let lo = ys.min(), let hi = ys.max() { s += ", y between \(number(lo)) and \(number(hi))" }
            }
            s += "."
        }
        return s
    }

    /// A short, deterministic rendering of a value for prose.
    func number(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "−∞" : "∞") }
        guard abs(v) < 1e15 else { return "\(v)" }
        let r = (v * 1e6).rounded() / 1e6
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }
}

/// The finite minimum and maximum of some values.
struct Extent {
    var min: Double?
    var max: Double?

    init(_ values: [Double]) {
        for v in values where v.isFinite {
            min = Swift.min(min ?? v, v)
            max = Swift.max(max ?? v, v)
        }
    }
}
