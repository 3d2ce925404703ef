import PlotlineCore
import PlotlineFonts
@testable import PlotlineLayout
import PlotlineModel

/// A text measurer that needs no font: every character is 0.6 em wide, and the "outline" is the
/// text's box, so bounds checks work as with real glyphs.
struct BoxMeasurer: TextMeasurer {
    func measure(_ text: String, size: Double, bold: Bool, family: String?) -> TextLayout {
        let width = Double(text.count) * size * (bold ? 0.65 : 0.6)
        let cap = size * 0.73
        let outline = text.isEmpty ? PlotPath() : PlotPath.rectangle(Rect(x: 0, y: -cap, width: width, height: cap))
        return TextLayout(width: width, ascent: size * 0.93, descent: size * 0.24, capHeight: cap, outline: outline)
    }

    func familyName(bold: Bool, family: String?) -> String { family ?? "Box Sans" }
}

let layout = ChartLayout(measurer: BoxMeasurer())

extension SceneGroup {
    /// Every path below this group.
    var allPaths: [ScenePath] {
        nodes.flatMap { n -> [ScenePath] in
            switch n {
            case .path(let p): [p]
            case .group(let g): g.allPaths
            case .text: []
            }
        }
    }

    /// Every text run below this group.
    var allTexts: [SceneText] {
        nodes.flatMap { n -> [SceneText] in
            switch n {
            case .text(let t): [t]
            case .group(let g): g.allTexts
            case .path: []
            }
        }
    }
}

/// The renderers of a chart, in spec order.
func renderers(_ spec: ChartSpec) -> [any MarkRenderer] {
    layout.resolve(spec).marks.sorted { $0.series.index < $1.series.index }
}

/// A rectangle grown by `d` on every side.
func grown(_ r: Rect, by d: Double) -> Rect {
    Rect(x: r.x - d, y: r.y - d, width: r.width + 2 * d, height: r.height + 2 * d)
}

/// Whether two rectangles overlap with positive area.
func overlaps(_ a: Rect, _ b: Rect) -> Bool {
    min(a.maxX, b.maxX) > max(a.x, b.x) && min(a.maxY, b.maxY) > max(a.y, b.y)
}
