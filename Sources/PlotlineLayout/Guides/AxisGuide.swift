import PlotlineCore
import PlotlineModel
import PlotlineScales

/// Axes: resolving domains, ticks and labels, and drawing the axis lines, tick marks, labels and
/// titles. Axis lines sit on the domain's lower ends (the outermost pixel rows and columns of the
/// plot area), with tick marks pointing out, drawn over the data's edges.
/// What an axis is asked to show: the finite extent of its data, and whether every value is a
/// whole number (counts, years), which keeps ticks off fractions.
struct AxisData: Sendable {
    var extent = Extent()
    var integers = true

    /// Takes in values measured on the axis.
    mutating func include(_ values: [Double]) {
        for v in values where v.isFinite {
            extent.include(v)
            if integers, v != v.rounded() || abs(v) >= 9e15 { integers = false }
        }
    }
}

extension Array {
    /// The element at `i`, or nil past the end.
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension ChartLayout {
    /// Domain, ticks and labels for one numeric, log, symlog or time axis of `length` pixels.
    ///
    /// Starts from one tick per `perTick` pixels (at least 3, at most 10; or the spec's
    /// `tickCount`) and asks for fewer while neighbouring ticks sit closer than
    /// `spacing(labels)` pixels, so labels never collide.
    func resolveNumeric(_ axis: AxisSpec, data: AxisData, length: Double, perTick: Double,
                        spacing: ([String]) -> Double) -> ResolvedAxis {
        let fitting = length / perTick
        var maxCount = fitting.isFinite ? Int(min(max(fitting.rounded(.down), 3), 10)) : 3
        if let hint = axis.tickCount { maxCount = min(hint + 1, 50) }
        while true {
            let resolved = resolveNumeric(axis, data: data, maxCount: maxCount)
            guard axis.tickStep == nil, axis.ticks == nil, maxCount > 2, resolved.ticks.count > 1 else { return resolved }
            // The narrowest gap between neighbouring ticks, in pixels (log and time ticks are uneven).
            let map = AxisMap(resolved, rangeLower: 0, rangeUpper: length)
            let positions = resolved.ticks.map(map.map)
            let gap = zip(positions, positions.dropFirst()).map { abs($1 - $0) }.min() ?? length
            if gap >= spacing(resolved.labels) { return resolved }
            maxCount -= 1
        }
    }

    /// Domain, ticks and labels for one axis with at most `maxCount` automatic ticks.
    func resolveNumeric(_ axis: AxisSpec, data: AxisData, maxCount: Int) -> ResolvedAxis {
        var resolved: ResolvedAxis
        switch axis.scale {
        case .time?:
            resolved = resolveTime(axis, data: data.extent, maxCount: maxCount)
        case .log?:
            resolved = resolveLog(axis, data: data.extent, maxCount: maxCount)
        case .symlog?:
            resolved = resolveSymlog(axis, data: data.extent, maxCount: maxCount)
        default:
            resolved = resolveLinear(axis, data: data, maxCount: maxCount)
        }
        resolved.reverse = axis.reverse
        if let ticks = axis.ticks {
            // Explicit ticks: those inside the domain, labelled as given or like the axis' own.
            let inside = ticks.filter { $0.value >= resolved.lower && $0.value <= resolved.upper }
            let formatter = TickFormatter(step: 0, values: inside.map(\.value))
            resolved.ticks = inside.map(\.value)
            resolved.labels = inside.map { t in
                if let label = t.label { return label }
                if case .time(let offset) = resolved.kind { return TimeTicks.labels([t.value], offset: offset)[0] }
                return formatter.format(t.value)
            }
            resolved.minorTicks = []
        }
        if let format = axis.format, resolved.kind != .time(offset: axis.utcOffset) {
            resolved.labels = zip(resolved.ticks, resolved.labels).enumerated().map { i, pair in
                axis.ticks?[safe: i]?.label ?? format.format(pair.0)
            }
        }
        if !axis.prefix.isEmpty || !axis.suffix.isEmpty {
            resolved.labels = resolved.labels.map { axis.prefix + $0 + axis.suffix }
        }
        return resolved
    }

    /// A linear axis: the spec's domain, or the data's rounded out to nice ticks (with zero when
    /// asked, and whole-number steps for whole-number data).
    func resolveLinear(_ axis: AxisSpec, data: AxisData, maxCount: Int) -> ResolvedAxis {
        var lower: Double, upper: Double
        var extent = data.extent
        if axis.zero { extent.include(0) }
        let integers = data.integers && axis.tickStep == nil
        if let lo = axis.lower, let hi = axis.upper {
            (lower, upper) = (lo, hi)
        } else {
            // A half-set domain keeps its given end and lets the data choose the other.
            let lo = axis.lower ?? extent.min ?? axis.upper.map { $0 - 1 } ?? 0
            let hi = axis.upper ?? extent.max ?? axis.lower.map { $0 + 1 } ?? 1
            let auto = axis.nice == false && lo < hi
                ? (lower: min(lo, hi), upper: max(lo, hi))
                : Ticks.autoDomain(dataMin: min(lo, hi), dataMax: max(lo, hi), maxCount: maxCount, integers: integers)
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
            ?? Ticks.automatic(lower: lower, upper: upper, maxCount: maxCount, integers: integers)
        return ResolvedAxis(lower: lower, upper: upper, ticks: set.values, labels: set.labels, grid: axis.grid ?? true)
    }

    /// A log axis: the data's range rounded out to powers of the base, majors at the powers and
    /// minors between them.
    func resolveLog(_ axis: AxisSpec, data: Extent, maxCount: Int) -> ResolvedAxis {
        let base = axis.base
        var lower = axis.lower ?? data.min ?? 1
        var upper = axis.upper ?? data.max ?? base.value
        if axis.nice != false {
            if axis.lower == nil { lower = base.power(base.log(lower).rounded(.down)) }
            if axis.upper == nil { upper = base.power(base.log(upper).rounded(.up)) }
        }
        if !(lower < upper) {
            if axis.upper == nil { upper = lower * base.value } else { lower = upper / base.value }
        }
        let ticks = LogTicks.ticks(lower: lower, upper: upper, base: base, maxCount: maxCount)
        var resolved = ResolvedAxis(kind: .log(base), lower: lower, upper: upper, ticks: ticks.major.values,
                                    labels: ticks.major.labels, grid: axis.grid ?? true)
        resolved.minorTicks = ticks.minor
        return resolved
    }

    /// A symlog axis: the data's range rounded out to the next ±constant·10^k.
    func resolveSymlog(_ axis: AxisSpec, data: Extent, maxCount: Int) -> ResolvedAxis {
        let c = axis.constant
        func outward(_ v: Double) -> Double {
            guard abs(v) > c else { return v < 0 ? -c : (v > 0 ? c : 0) }
            let k = (LogBase.ten.log(abs(v) / c) - 1e-9).rounded(.up)
            return (v < 0 ? -1 : 1) * c * LogBase.ten.power(k)
        }
        var lower = axis.lower ?? (axis.nice == false ? data.min : data.min.map(outward)) ?? -c
        var upper = axis.upper ?? (axis.nice == false ? data.max : data.max.map(outward)) ?? c
        if !(lower < upper) { lower = min(lower, upper) - c; upper = lower + 2 * c }
        let set = LogTicks.symlogTicks(lower: lower, upper: upper, constant: c, maxCount: maxCount)
        return ResolvedAxis(kind: .symlog(c), lower: lower, upper: upper, ticks: set.values, labels: set.labels, grid: axis.grid ?? true)
    }

    /// A time axis: the data's first and last moments (time axes keep the data's ends), ticked on
    /// calendar boundaries in the axis' UTC offset.
    func resolveTime(_ axis: AxisSpec, data: Extent, maxCount: Int) -> ResolvedAxis {
        let limit = CivilTime.maximumSeconds
        var lower = min(max(axis.lower ?? data.min ?? 0, -limit), limit)
        var upper = min(max(axis.upper ?? data.max ?? lower + 86_400, -limit), limit)
        if !(lower < upper) { lower -= 43_200; upper = lower + 86_400 }
        let set = TimeTicks.ticks(lower: lower, upper: upper, maxCount: maxCount, offset: axis.utcOffset)
        return ResolvedAxis(kind: .time(offset: axis.utcOffset), lower: lower, upper: upper, ticks: set.values,
                            labels: set.labels, grid: axis.grid ?? true)
    }

    /// The axis with the labels that would still touch a neighbour blanked, keeping the first and
    /// then every label that clears the last one kept: the last resort when even the fewest ticks
    /// have labels too wide for the axis. Ticks stay; only their labels go.
    func thinned(_ axis: ResolvedAxis, map: AxisMap, horizontal: Bool, size: Double, gap: Double) -> ResolvedAxis {
        var result = axis
        var lastEnd = -Double.infinity
        let order = axis.ticks.indices.sorted { map.map(axis.ticks[$0]) < map.map(axis.ticks[$1]) }
        for i in order {
            let center = map.map(axis.ticks[i])
            let extent = horizontal ? measure(axis.labels[i], size: size, role: .tickLabel).width
                                    : measure("0", size: size, role: .tickLabel).capHeight
            if center - extent / 2 < lastEnd + gap {
                result.labels[i] = ""
            } else {
                lastEnd = center + extent / 2
            }
        }
        return result
    }

    /// A categorical axis: one unit per category, ticks at the centres; the vertical axis lists
    /// categories from the top down. No gridlines unless asked for: bars already mark each category.
    func resolveCategorical(_ axis: AxisSpec, categories: [String], vertical: Bool) -> ResolvedAxis {
        let n = Double(categories.count)
        let ticks = categories.indices.map { vertical ? n - Double($0) - 0.5 : Double($0) + 0.5 }
        var resolved = ResolvedAxis(kind: .band, lower: 0, upper: max(n, 1), ticks: ticks, labels: categories, categories: categories,
                                    grid: axis.grid ?? false)
        resolved.reverse = axis.reverse
        return resolved
    }

    /// The horizontal axis: line, ticks, labels (turned 45° when they would collide) and title.
    func xAxisNodes(_ chart: ResolvedChart, label: String?) -> [SceneNode] {
        let frame = chart.frame, plot = chart.plot
        let axisStroke = Stroke(color: theme.axisColor, width: 1)
        var nodes: [SceneNode] = []
        var line = PlotPath()
        let axisY = plot.maxY - 0.5
        line.move(to: Point(plot.x, axisY)); line.line(to: Point(plot.maxX, axisY))
        for v in chart.x.ticks {
            let x = snap(frame.x.map(v))
            line.move(to: Point(x, axisY + 0.5)); line.line(to: Point(x, axisY + 0.5 + theme.tickLength))
        }
        for v in chart.x.minorTicks {
            let x = snap(frame.x.map(v))
            line.move(to: Point(x, axisY + 0.5)); line.line(to: Point(x, axisY + 0.5 + theme.tickLength * 0.6))
        }
        nodes.append(.path(ScenePath(path: line, stroke: axisStroke)))
        let labelTop = plot.maxY + theme.tickLength + theme.tickLabelGap
        for (v, text) in zip(chart.x.ticks, chart.x.labels) where !text.isEmpty {
            let x = snap(frame.x.map(v))
            if chart.x.rotateLabels {
                // Turned −45° and ending at the tick, so long names read up towards it.
                let origin = Point(x + chart.digitHeight * 0.35, labelTop + chart.digitHeight * 0.7)
                nodes.append(.text(run(text, role: .tickLabel, at: origin, anchor: .end, rotation: -45, size: chart.tickSize, color: theme.tickLabelColor)))
            } else {
                nodes.append(.text(run(text, role: .tickLabel, at: Point(x, labelTop + chart.digitHeight), anchor: .middle,
                                       size: chart.tickSize, color: theme.tickLabelColor)))
            }
        }
        if let label {
            let layout = measure(label, size: theme.axisTitleSize, role: .axisTitle)
            let baseline = labelTop + xLabelHeight(chart.x, digitHeight: chart.digitHeight, size: chart.tickSize)
                + theme.axisTitleGap + theme.axisTitleSize * 0.76
            let fit = fitted(layout.width, size: theme.axisTitleSize, center: plot.x + plot.width / 2, within: chart.pad, chart.width - chart.pad)
            nodes.append(.text(run(label, role: .axisTitle, at: Point(fit.center, baseline), anchor: .middle, size: fit.size, color: theme.axisTitleColor)))
        }
        return nodes
    }

    /// The height the x tick labels take below the tick marks.
    func xLabelHeight(_ axis: ResolvedAxis, digitHeight: Double, size: Double) -> Double {
        guard axis.rotateLabels else { return digitHeight }
        let widest = axis.labels.map { measure($0, size: size, role: .tickLabel).width }.max() ?? 0
        return (widest + digitHeight) * 0.7072
    }

    /// The vertical axis: line, ticks, labels and title (rotated to read bottom to top).
    func yAxisNodes(_ chart: ResolvedChart, label: String?) -> [SceneNode] {
        verticalAxisNodes(chart, axis: chart.y, map: chart.frame.y, onRight: false, label: label)
    }

    /// The second vertical axis, mirrored on the right: ticks point right, labels start after
    /// them, and the title reads top to bottom along the canvas' right edge.
    func y2AxisNodes(_ chart: ResolvedChart, label: String?) -> [SceneNode] {
        guard let y2 = chart.y2 else { return [] }
        let map = AxisMap(y2, rangeLower: chart.plot.maxY - 0.5, rangeUpper: chart.plot.y + 0.5)
        return verticalAxisNodes(chart, axis: y2, map: map, onRight: true, label: label)
    }

    func verticalAxisNodes(_ chart: ResolvedChart, axis: ResolvedAxis, map: AxisMap, onRight: Bool, label: String?) -> [SceneNode] {
        let plot = chart.plot
        var nodes: [SceneNode] = []
        var line = PlotPath()
        let axisX = onRight ? plot.maxX - 0.5 : plot.x + 0.5
        let outward: Double = onRight ? 1 : -1
        line.move(to: Point(axisX, plot.y)); line.line(to: Point(axisX, plot.maxY))
        for v in axis.ticks {
            let y = snap(map.map(v))
            line.move(to: Point(axisX + outward * (0.5 + theme.tickLength), y)); line.line(to: Point(axisX + outward * 0.5, y))
        }
        for v in axis.minorTicks {
            let y = snap(map.map(v))
            line.move(to: Point(axisX + outward * (0.5 + theme.tickLength * 0.6), y)); line.line(to: Point(axisX + outward * 0.5, y))
        }
        nodes.append(.path(ScenePath(path: line, stroke: Stroke(color: theme.axisColor, width: 1))))
        let labelX = onRight ? plot.maxX + theme.tickLength + theme.tickLabelGap : plot.x - theme.tickLength - theme.tickLabelGap
        for (v, text) in zip(axis.ticks, axis.labels) where !text.isEmpty {
            nodes.append(.text(run(text, role: .tickLabel, at: Point(labelX, snap(map.map(v)) + chart.digitHeight / 2), anchor: onRight ? .start : .end,
                                   size: chart.tickSize, color: theme.tickLabelColor)))
        }
        if let label {
            let layout = measure(label, size: theme.axisTitleSize, role: .axisTitle)
            // Rotated ∓90°: the glyphs' ascent points towards the canvas edge on either side.
            let ascent = theme.axisTitleSize * 0.76
            let x = onRight ? chart.width - chart.pad - ascent : chart.pad + ascent
            let fit = fitted(layout.width, size: theme.axisTitleSize, center: plot.y + plot.height / 2, within: chart.pad, chart.height - chart.pad)
            nodes.append(.text(run(label, role: .axisTitle, at: Point(x, fit.center), anchor: .middle, rotation: onRight ? 90 : -90,
                                   size: fit.size, color: theme.axisTitleColor)))
        }
        return nodes
    }

    /// The line at zero that bars and areas stand on, when zero lies inside the value axis.
    func zeroLineNodes(_ chart: ResolvedChart) -> [SceneNode] {
        guard let zero = chart.zeroLine else { return [] }
        let frame = chart.frame
        var path = PlotPath()
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
