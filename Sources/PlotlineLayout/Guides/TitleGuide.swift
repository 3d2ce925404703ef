import PlotlineCore

/// The title (bold, wrapped onto two lines before it shrinks) and the subtitle under it.
struct TitleLayout: Sendable {
    /// Title lines, one or two; empty without a title.
    var lines: [String]
    /// The subtitle, if any.
    var subtitle: String?
    /// The baseline of each title line, then of the subtitle, from the canvas top.
    var baselines: [Double]
    var subtitleBaseline: Double
    /// Where the plot area may start below the titles.
    var bottom: Double
}

extension ChartLayout {
    /// Lays the title and subtitle out within `width − 2·pad`.
    func titleLayout(title: String?, subtitle: String?, width: Double, pad: Double) -> TitleLayout? {
        guard title != nil || subtitle != nil else { return nil }
        let room = width - 2 * pad
        var lines: [String] = []
        var baselines: [Double] = []
        var y = pad
        var bottom = pad
        if let title {
            lines = wrapped(title, size: theme.titleSize, room: room)
            let first = measure(title, size: theme.titleSize, role: .title)
            for (i, _) in lines.enumerated() {
                baselines.append(pad + first.capHeight + Double(i) * theme.titleSize * 1.25)
            }
            y = (baselines.last ?? pad) + first.descent
            bottom = y + theme.titleGap
        }
        var subtitleBaseline = 0.0
        if let subtitle {
            let s = measure(subtitle, size: theme.subtitleSize, role: .subtitle)
            subtitleBaseline = (title == nil ? pad : y + 4) + s.capHeight
            bottom = subtitleBaseline + s.descent + theme.titleGap
        }
        return TitleLayout(lines: lines, subtitle: subtitle, baselines: baselines, subtitleBaseline: subtitleBaseline, bottom: bottom)
    }

    /// The title on one line if it fits, else split at the space that best balances two lines.
    func wrapped(_ title: String, size: Double, room: Double) -> [String] {
        guard measure(title, size: size, role: .title).width > room else { return [title] }
        let words = title.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count > 1 else { return [title] }
        // Each word is measured once and the lines' widths kept as running sums (kerning across a
        // space is negligible), so a long title costs linear time.
        let space = measure(" ", size: size, role: .title).width
        let widths = words.map { measure($0, size: size, role: .title).width }
        let total = widths.reduce(0, +) + space * Double(words.count - 1)
        var left = 0.0, bestCut = 1, bestWidest = Double.infinity
        for cut in 1..<words.count {
            left += widths[cut - 1] + (cut > 1 ? space : 0)
            let widest = max(left, total - left - space)
            if widest < bestWidest { bestWidest = widest; bestCut = cut }
        }
        return [words[..<bestCut].joined(separator: " "), words[bestCut...].joined(separator: " ")]
    }

    func titleNodes(_ chart: ResolvedChart) -> [SceneNode] {
        guard let t = chart.title else { return [] }
        var nodes: [SceneNode] = []
        let center = chart.plot.x + chart.plot.width / 2
        for (line, baseline) in zip(t.lines, t.baselines) {
            let width = measure(line, size: theme.titleSize, role: .title).width
            let fit = fitted(width, size: theme.titleSize, center: center, within: chart.pad, chart.width - chart.pad)
            nodes.append(.text(run(line, role: .title, at: Point(fit.center, baseline), anchor: .middle, size: fit.size, color: theme.titleColor)))
        }
        if let subtitle = t.subtitle {
            let width = measure(subtitle, size: theme.subtitleSize, role: .subtitle).width
            let fit = fitted(width, size: theme.subtitleSize, center: center, within: chart.pad, chart.width - chart.pad)
            nodes.append(.text(run(subtitle, role: .subtitle, at: Point(fit.center, t.subtitleBaseline), anchor: .middle, size: fit.size, color: theme.subtitleColor)))
        }
        return nodes
    }
}
