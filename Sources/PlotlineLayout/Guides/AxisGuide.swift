import PlotlineCore
import PlotlineModel
import PlotlineScales

/// Axes: resolving domains, ticks and labels, and drawing the axis lines, tick marks, labels and
/// titles. Axis lines sit on the domain's lower ends (the outermost pixel rows and columns of the
/// plot area), with tick marks pointing out, drawn over the data's edges.
extension ChartLayout {
    /// Domain, ticks and labels for one numeric axis of `length` pixels.
    ///
    /// Starts from one tick per `perTick` pixels (at least 3, at most 10) and asks for fewer while
    /// neighbouring ticks sit closer than `spacing(labels)` pixels, so labels never collide.
    func resolveNumeric(_ axis: AxisSpec, data: Extent, length: Double, perTick: Double,
                        spacing: ([String]) -> Double) -> ResolvedAxis {
        let fitting = length / perTick
        var maxCount = fitting.isFinite ? Int(min(max(fitting.rounded(.down), 3), 10)) : 3
        while true {
            let resolved = resolveNumeric(axis, data: data, maxCount: maxCount)
            guard axis.tickStep == nil, maxCount > 2, resolved.ticks.count > 1 else { return resolved }
            let pixelsPerTick = length * abs(resolved.ticks[1] - resolved.ticks[0]) / (resolved.upper - resolved.lower)
            if pixelsPerTick >= spacing(resolved.labels) { return resolved }
            maxCount -= 1
        }
    }

    /// Domain, ticks and labels for one numeric axis with at most `maxCount` automatic ticks.
    func resolveNumeric(_ axis: AxisSpec, data: Extent, maxCount: Int) -> ResolvedAxis {
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
        return ResolvedAxis(lower: lower, upper: upper, ticks: set.values, labels: set.labels, grid: axis.grid ?? true)
    }

    /// A categorical axis: one unit per category, ticks at the centres; the vertical axis lists
    /// categories from the top down. No gridlines unless asked for: bars already mark each category.
    func resolveCategorical(_ axis: AxisSpec, categories: [String], vertical: Bool) -> ResolvedAxis {
        let n = Double(categories.count)
        let ticks = categories.indices.map { vertical ? n - Double($0) - 0.5 : Double($0) + 0.5 }
        return ResolvedAxis(lower: 0, upper: max(n, 1), ticks: ticks, labels: categories, categories: categories,
                            grid: axis.grid ?? false)
    }

    /// The horizontal axis: line, ticks, labels (turned 45° when they would collide) and title.
    func xAxisNodes(_ chart: ResolvedChart, label: String?) -> [SceneNode] {
        let frame = chart.frame, plot = chart.plot
        let axisStroke = Stroke(color: theme.axisColor, width: 1)
        var nodes: [SceneNode] = []
        var line = Path()
        let axisY = plot.maxY - 0.5
        line.move(to: Point(plot.x, axisY)); line.line(to: Point(plot.maxX, axisY))
        for v in chart.x.ticks {
            let x = snap(frame.x.map(v))
            line.move(to: Point(x, axisY + 0.5)); line.line(to: Point(x, axisY + 0.5 + theme.tickLength))
        }
        nodes.append(.path(ScenePath(path: line, stroke: axisStroke)))
        let labelTop = plot.maxY + theme.tickLength + theme.tickLabelGap
        for (v, text) in zip(chart.x.ticks, chart.x.labels) {
            let x = snap(frame.x.map(v))
            if chart.x.rotateLabels {
                // Turned −45° and ending at the tick, so long names read up towards it.
                let origin = Point(x + chart.digitHeight * 0.35, labelTop + chart.digitHeight * 0.7)
                nodes.append(.text(run(text, at: origin, anchor: .end, rotation: -45, size: chart.tickSize, color: theme.tickLabelColor)))
            } else {
                nodes.append(.text(run(text, at: Point(x, labelTop + chart.digitHeight), anchor: .middle,
                                       size: chart.tickSize, color: theme.tickLabelColor)))
            }
        }
        if let label {
            let layout = measurer.measure(label, size: theme.axisTitleSize, bold: false)
            let baseline = labelTop + xLabelHeight(chart.x, digitHeight: chart.digitHeight, size: chart.tickSize)
                + theme.axisTitleGap + theme.axisTitleSize * 0.76
            let fit = fitted(layout.width, size: theme.axisTitleSize, center: plot.x + plot.width / 2, within: chart.pad, chart.width - chart.pad)
            nodes.append(.text(run(label, at: Point(fit.center, baseline), anchor: .middle, size: fit.size, color: theme.titleColor)))
        }
        return nodes
    }

    /// The height the x tick labels take below the tick marks.
    func xLabelHeight(_ axis: ResolvedAxis, digitHeight: Double, size: Double) -> Double {
        guard axis.rotateLabels else { return digitHeight }
        let widest = axis.labels.map { measurer.measure($0, size: size, bold: false).width }.max() ?? 0
        return (widest + digitHeight) * 0.7072
    }

    /// The vertical axis: line, ticks, labels and title (rotated to read bottom to top).
    func yAxisNodes(_ chart: ResolvedChart, label: String?) -> [SceneNode] {
        let frame = chart.frame, plot = chart.plot
        var nodes: [SceneNode] = []
        var line = Path()
        let axisX = plot.x + 0.5
        line.move(to: Point(axisX, plot.y)); line.line(to: Point(axisX, plot.maxY))
        for v in chart.y.ticks {
            let y = snap(frame.y.map(v))
            line.move(to: Point(axisX - 0.5 - theme.tickLength, y)); line.line(to: Point(axisX - 0.5, y))
        }
        nodes.append(.path(ScenePath(path: line, stroke: Stroke(color: theme.axisColor, width: 1))))
        let labelRight = plot.x - theme.tickLength - theme.tickLabelGap
        for (v, text) in zip(chart.y.ticks, chart.y.labels) {
            nodes.append(.text(run(text, at: Point(labelRight, snap(frame.y.map(v)) + chart.digitHeight / 2), anchor: .end,
                                   size: chart.tickSize, color: theme.tickLabelColor)))
        }
        if let label {
            let layout = measurer.measure(label, size: theme.axisTitleSize, bold: false)
            // Rotated −90°: the baseline runs upwards and the glyphs' ascent points left, towards the canvas edge.
            let x = chart.pad + theme.axisTitleSize * 0.76
            let fit = fitted(layout.width, size: theme.axisTitleSize, center: plot.y + plot.height / 2, within: chart.pad, chart.height - chart.pad)
            nodes.append(.text(run(label, at: Point(x, fit.center), anchor: .middle, rotation: -90, size: fit.size, color: theme.titleColor)))
        }
        return nodes
    }

    /// The line at zero that bars and areas stand on, when zero lies inside the value axis.
    func zeroLineNodes(_ chart: ResolvedChart) -> [SceneNode] {
        guard let zero = chart.zeroLine else { return [] }
        let frame = chart.frame
        var path = Path()
        if zero.vertical {
            let x = snap(frame.x.map(zero.value))
            path.move(to: Point(x, chart.plot.y)); path.line(to: Point(x, chart.plot.maxY))
        } else {
            let y = snap(frame.y.map(zero.value))
            path.move(to: Point(chart.plot.x, y)); path.line(to: Point(chart.plot.maxX, y))
        }
        return [.path(ScenePath(path: path, stroke: Stroke(color: theme.axisColor, width: 1)))]
    }
}
