import PlotlineCore
import PlotlineFonts
import PlotlineModel
import PlotlineScales

/// Lays a ``ChartSpec`` out into a ``PlotScene``.
///
/// Two stages, as usvg has: ``resolve(_:)`` decides everything (margins fitted to the measured
/// text, scales, ticks, series colours and stacks, legend place, title lines, description), and
/// `build` turns that resolved chart into PlotScene nodes without further decisions. Each mark kind
/// draws itself through a ``MarkRenderer``; axes, grid, legend and title live in `Guides/`.
public struct ChartLayout: Sendable {
    /// The look.
    public var theme: Theme
    /// What text is measured and outlined with.
    public var measurer: any TextMeasurer
    /// The spec's text styles, whose sizes and colours are already in ``theme``: the families and
    /// weights per role.
    var text = TextStyles()

    /// Creates a layout engine that sets text in `fonts`.
    public init(fonts: ChartFonts, theme: Theme = Theme()) {
        self.init(measurer: fonts, theme: theme)
    }

    /// Creates a layout engine with any text measurer (tests use one that needs no font file).
    public init(measurer: any TextMeasurer, theme: Theme = Theme()) {
        self.measurer = measurer
        self.theme = theme
    }

    /// The PlotScene for `spec`.
    public func scene(for spec: ChartSpec) -> PlotScene {
        let layout = styled(for: spec)
        return layout.build(layout.resolveStyled(spec), spec: spec)
    }

    /// This layout with the spec's text styles applied over the theme.
    func styled(for spec: ChartSpec) -> ChartLayout {
        var l = self
        l.text = spec.text
        let t = spec.text
        if let v = t.title.size { l.theme.titleSize = v }
        if let v = t.subtitle.size { l.theme.subtitleSize = v }
        if let v = t.axisTitle.size { l.theme.axisTitleSize = v }
        if let v = t.legend.size { l.theme.legendSize = v }
        if let v = t.annotation.size { l.theme.annotationSize = v }
        if let v = t.title.color { l.theme.titleColor = v }
        if let v = t.subtitle.color { l.theme.subtitleColor = v }
        if let v = t.axisTitle.color { l.theme.axisTitleColor = v }
        if let v = t.tickLabel.color { l.theme.tickLabelColor = v }
        if let v = t.legend.color { l.theme.legendColor = v }
        if let v = t.annotation.color { l.theme.annotationColor = v }
        return l
    }

    /// Whether a role's text is bold: the title unless its style says otherwise, the rest when theirs do.
    func isBold(_ role: TextRole) -> Bool { text[role].bold ?? (role == .title) }

    /// A role's text measured in its family and weight.
    func measure(_ string: String, size: Double, role: TextRole) -> TextLayout {
        measurer.measure(string, size: size, bold: isBold(role), family: text[role].family)
    }

    // MARK: - Resolve

    /// Every decision about the chart, before any PlotScene node is made.
    func resolve(_ spec: ChartSpec) -> ResolvedChart {
        styled(for: spec).resolveStyled(spec)
    }

    private func resolveStyled(_ given: ChartSpec) -> ResolvedChart {
        // Dates on x make a time axis unless the spec chose a scale (the loader does the same).
        var spec = given
        if spec.x.scale == nil, spec.series.contains(where: { if case .dates = $0.x { true } else { false } }) { spec.x.scale = .time }
        // Specs from the loader are in range; a size built in Swift may not be.
        let givenSize = spec.text.tickLabel.size ?? spec.font.size
        let tickSize = givenSize.isFinite ? min(max(givenSize, 1), 1000) : 12
        // Specs from the loader are already in range; ones built in Swift may not be.
        let width = ChartLayout.canvasSide(spec.width, default: 800)
        let height = ChartLayout.canvasSide(spec.height, default: 500)
        let pad = min(theme.padding, width * 0.04, height * 0.04)
        let canvas = Rect(x: pad, y: pad, width: width - 2 * pad, height: height - 2 * pad)

        // Text that does not depend on the plot size.
        let digitHeight = measure("0", size: tickSize, role: .tickLabel).capHeight
        let hasXTitle = spec.x.label != nil, hasYTitle = spec.y.label != nil
        let title = titleLayout(title: spec.title, subtitle: spec.subtitle, width: width, pad: pad)
        // An axis title's ink runs from ascender top (~0.76 em above the baseline in DejaVu Sans) to
        // descender bottom (~0.24 em below): one em, tighter than the font's 1.16 em line height.
        let titleLine = theme.axisTitleSize

        // Series and their extents.
        let categories = SeriesResolver.categories(spec)
        let horizontal = SeriesResolver.isHorizontal(spec)
        let series = SeriesResolver(theme: theme).resolve(spec, categories: categories)
        let marks: [any MarkRenderer] = series.map(renderer(for:))
        // What each axis must show: the marks' extents (stacks, error bars, bar widths included)
        // and whether the values are all whole numbers.
        var xData = AxisData(), yData = AxisData(), y2Data = AxisData()
        for m in marks {
            let e = m.extent()
            let onY2 = m.series.spec.axis == .y2
            xData.extent.include(e.x)
            if onY2 { y2Data.extent.include(e.y) } else { yData.extent.include(e.y) }
            let values = m.series.spec.mark.valueColumns.flatMap(\.values) + (m.series.base ?? [])
            if m.series.swapped {
                xData.include(values)
            } else {
                xData.integers = xData.integers && !m.series.x.contains { $0.isFinite && $0 != $0.rounded() }
                if onY2 { y2Data.include(values) } else { yData.include(values) }
            }
        }
        let notes = annotationExtents(spec)
        xData.include(notes.x); yData.include(notes.y); y2Data.include(notes.y2)
        let y2Spec = spec.y2 ?? (spec.series.contains { $0.axis == .y2 } || !notes.y2.isEmpty ? AxisSpec() : nil)

        let legendPosition = spec.legend.resolved(for: spec.series)
        let entries = legendPosition == nil ? [] : legendEntries(marks)
        let outside = legendPosition.flatMap { $0.isOutside && !entries.isEmpty ? $0 : nil }
        let legendRoom = outside.map { outsideLegendRoom(entries, position: $0, canvas: canvas) } ?? 0

        func axis(_ spec: AxisSpec, data: AxisData, length: Double, vertical: Bool, spacing: @escaping ([String]) -> Double) -> ResolvedAxis {
            let categorical = categories != nil && (vertical == horizontal)
            if let categories, categorical { return resolveCategorical(spec, categories: categories, vertical: vertical) }
            return resolveNumeric(spec, data: data, length: length, perTick: vertical ? theme.yTickSpacing : theme.xTickSpacing, spacing: spacing)
        }
        func labelWidth(_ label: String) -> Double { measure(label, size: tickSize, role: .tickLabel).width }

        // Margins depend on the tick labels, whose count depends on the plot size: two passes settle it.
        var plot = canvas
        var xAxis = ResolvedAxis.empty, yAxis = ResolvedAxis.empty
        var y2Axis: ResolvedAxis?
        for _ in 0..<2 {
            // x labels sit side by side: they need their width plus a gap; y labels are stacked and
            // need a little more than two lines' height to breathe.
            xAxis = axis(spec.x, data: xData, length: plot.width, vertical: false) { labels in
                (labels.map(labelWidth).max() ?? 0) + 16
            }
            yAxis = axis(spec.y, data: yData, length: plot.height, vertical: true) { _ in digitHeight * 2.5 }
            y2Axis = y2Spec.map { resolveNumeric($0, data: y2Data, length: plot.height, perTick: theme.yTickSpacing) { _ in digitHeight * 2.5 } }
            if xAxis.categories != nil {
                let step = plot.width / Double(max(xAxis.labels.count, 1))
                xAxis.rotateLabels = (xAxis.labels.map(labelWidth).max() ?? 0) + 6 > step
            }
            let yLabelWidth = yAxis.labels.map(labelWidth).max() ?? 0
            let firstX = xAxis.labels.first.map(labelWidth) ?? 0
            let lastX = xAxis.labels.last.map(labelWidth) ?? 0

            var left = pad + yLabelWidth + theme.tickLabelGap + theme.tickLength
            if hasYTitle { left += titleLine + theme.axisTitleGap }
            if xAxis.rotateLabels {
                // A turned label runs down and left from its tick.
                let step = plot.width / Double(max(xAxis.labels.count, 1))
                left = max(left, pad + (firstX + digitHeight) * 0.7072 - step / 2)
            } else {
                left = max(left, pad + firstX / 2)
            }
            var bottom = pad + theme.tickLength + theme.tickLabelGap + xLabelHeight(xAxis, digitHeight: digitHeight, size: tickSize)
            if hasXTitle { bottom += theme.axisTitleGap + titleLine }
            var top = pad + digitHeight / 2
            if let title { top = title.bottom }
            var right = pad + (xAxis.rotateLabels ? 0 : max(lastX / 2 - pad, 0))
            switch outside {
            case .right?: right = pad + legendRoom + theme.legendPadding + max(lastX / 2 - theme.legendPadding, 0)
            case .top?: top += legendRoom
            case .bottom?: bottom += legendRoom + theme.legendPadding
            default: break
            }
            if let y2Axis {
                // The right axis' labels and title, mirrored from the left.
                var room = (y2Axis.labels.map(labelWidth).max() ?? 0) + theme.tickLabelGap + theme.tickLength
                if y2Spec?.label != nil { room += titleLine + theme.axisTitleGap }
                right = max(right, pad) + room + (outside == .right ? theme.legendPadding : 0)
            }

            // Whole-pixel edges keep the one-pixel rules crisp.
            let l = left.rounded(.up), t = top.rounded(.up)
            let r = (width - right).rounded(.down), b = (height - bottom).rounded(.down)
            plot = Rect(x: l, y: t, width: max(r - l, 1), height: max(b - t, 1))
        }

        // Labels that still collide with the fewest ticks lose every other label.
        if !xAxis.rotateLabels {
            xAxis = thinned(xAxis, map: AxisMap(xAxis, rangeLower: plot.x, rangeUpper: plot.maxX), horizontal: true, size: tickSize, gap: 6)
        }
        yAxis = thinned(yAxis, map: AxisMap(yAxis, rangeLower: plot.maxY, rangeUpper: plot.y), horizontal: false, size: tickSize, gap: digitHeight)
        y2Axis = y2Axis.map { thinned($0, map: AxisMap($0, rangeLower: plot.maxY, rangeUpper: plot.y), horizontal: false, size: tickSize, gap: digitHeight) }
        var chart = ResolvedChart(width: width, height: height, theme: theme, pad: pad, plot: plot, x: xAxis, y: yAxis, y2: y2Axis,
                                  marks: marks, legend: nil, title: title, tickSize: tickSize, digitHeight: digitHeight,
                                  zeroLine: nil, accessibleTitle: spec.title ?? defaultTitle(spec), description: "")
        // Bars and areas stand on zero: mark it when it lies inside the value axis.
        if spec.series.contains(where: { $0.kind == .bar || $0.kind == .area }) {
            let valueAxis = horizontal ? xAxis : yAxis
            if valueAxis.kind == .linear, valueAxis.lower < 0, valueAxis.upper > 0 { chart.zeroLine = (0, horizontal) }
        }
        if let position = legendPosition {
            let resolved = chart
            chart.legend = placeLegend(entries, position: position, plot: plot, canvas: canvas) {
                marks.flatMap { $0.obstacles(in: resolved.frame(for: $0.series)) }
            }
        }
        chart.description = spec.description ?? describe(spec, chart)
        return chart
    }

    // MARK: - Build

    /// The PlotScene for a resolved chart: grid, data (clipped), zero line, axes, title, legend.
    func build(_ chart: ResolvedChart, spec: ChartSpec) -> PlotScene {
        var nodes: [SceneNode] = []
        let grid = gridNodes(chart)
        if !grid.isEmpty { nodes.append(.group(SceneGroup(role: .grid, nodes: grid))) }

        // Data, clipped to the plot area grown by the widest overhang, so lines and markers on the
        // domain's edge keep their full width.
        let plot = chart.plot
        let grow = chart.marks.map(\.overhang).max() ?? 0
        let clip = Rect(x: plot.x - grow, y: plot.y - grow, width: plot.width + 2 * grow, height: plot.height + 2 * grow)
        let ranges = rangeNodes(spec, chart)
        if !ranges.isEmpty { nodes.append(.group(SceneGroup(role: .annotations, clip: plot, nodes: ranges))) }
        let data = chart.marks.map { m in
            SceneNode.group(SceneGroup(role: .series(m.series.index), nodes: m.nodes(in: chart.frame(for: m.series))))
        }
        nodes.append(.group(SceneGroup(role: .data, clip: clip, nodes: data)))
        let zero = zeroLineNodes(chart)
        if !zero.isEmpty { nodes.append(.group(SceneGroup(role: .zeroLine, nodes: zero))) }
        let notes = noteNodes(spec, chart)
        if !notes.isEmpty { nodes.append(.group(SceneGroup(role: .annotations, nodes: notes))) }

        nodes.append(.group(SceneGroup(role: .axisX, nodes: xAxisNodes(chart, label: spec.x.label))))
        nodes.append(.group(SceneGroup(role: .axisY, nodes: yAxisNodes(chart, label: spec.y.label))))
        if chart.y2 != nil {
            nodes.append(.group(SceneGroup(role: .axisY2, nodes: y2AxisNodes(chart, label: spec.y2?.label))))
        }
        let title = titleNodes(chart)
        if !title.isEmpty { nodes.append(.group(SceneGroup(role: .title, nodes: title))) }
        let legend = legendNodes(chart)
        if !legend.isEmpty { nodes.append(.group(SceneGroup(role: .legend, nodes: legend))) }

        return PlotScene(width: chart.width, height: chart.height, background: spec.background ?? theme.background,
                     title: chart.accessibleTitle, description: chart.description, idPrefix: spec.id ?? "", nodes: nodes)
    }

    // MARK: - Helpers

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

    /// A canvas side in range: finite, 1…16384 pixels, else `default`.
    static func canvasSide(_ v: Double, default d: Double) -> Double {
        v.isFinite ? min(max(v, 1), 16384) : d
    }

    /// A text run measured and outlined with the regular (or bold) face of the main family.
    public func run(_ text: String, at origin: Point, anchor: TextAnchor, rotation: Double = 0, size: Double,
                    color: PlotColor, bold: Bool = false) -> SceneText {
        run(text, at: origin, anchor: anchor, rotation: rotation, size: size, color: color, bold: bold, family: nil)
    }

    /// A text run of one role: its family and weight from the spec's text styles.
    func run(_ text: String, role: TextRole, at origin: Point, anchor: TextAnchor, rotation: Double = 0, size: Double,
             color: PlotColor) -> SceneText {
        run(text, at: origin, anchor: anchor, rotation: rotation, size: size, color: color, bold: isBold(role), family: self.text[role].family)
    }

    func run(_ text: String, at origin: Point, anchor: TextAnchor, rotation: Double, size: Double,
             color: PlotColor, bold: Bool, family: String?) -> SceneText {
        let layout = measurer.measure(text, size: size, bold: bold, family: family)
        let shift: Double = switch anchor {
        case .start: 0
        case .middle: -layout.width / 2
        case .end: -layout.width
        }
        let placement = Transform.translation(shift, 0)
            .concatenating(.rotation(degrees: rotation))
            .concatenating(.translation(origin.x, origin.y))
        return SceneText(text: text, origin: origin, anchor: anchor, rotation: rotation,
                         font: FontDescriptor(family: measurer.familyName(bold: bold, family: family), size: size, bold: bold),
                         color: color, glyphs: layout.outline.transformed(by: placement))
    }

    // MARK: - Description

    func defaultTitle(_ spec: ChartSpec) -> String {
        switch (spec.y.label, spec.x.label) {
        case let (y?, x?): "\(y) vs. \(x)"
        case let (y?, nil): y
        default: Prose.chartNoun(spec.series)
        }
    }

    /// A sentence or two for screen readers: the axes with their ranges, then each series.
    func describe(_ spec: ChartSpec, _ chart: ResolvedChart) -> String {
        let horizontal = SeriesResolver.isHorizontal(spec)
        let prose = Prose(categories: horizontal ? chart.y.categories : chart.x.categories)
        var s = "\(Prose.chartNoun(spec.series)) with \(spec.series.count) series. "
        s += prose.axisSentence("X", spec.x, chart.x) + "; "
        s += prose.axisSentence("Y", spec.y, chart.y) + "."
        for m in chart.marks.sorted(by: { $0.series.index < $1.series.index }) {
            s += " " + m.sentence(prose)
        }
        return s
    }
}
