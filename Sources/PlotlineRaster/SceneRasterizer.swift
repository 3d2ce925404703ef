import PlotlineCore

/// Renders a whole PlotScene.
///
/// Paths are filled, then stroked through ``Stroker`` and filled again, so one filler draws
/// everything; text is drawn from its glyph outlines. All geometry is scaled, including stroke
/// widths, dash lengths and clip rectangles.
public enum SceneRasterizer {
    /// The largest pixmap side we allocate; a larger scene is cropped rather than exhausting memory.
    static let maxSide = 1 << 15

    /// Renders `scene` at `scale` device pixels per CSS pixel onto a pixmap of the background colour.
    ///
    /// The pixmap is `⌈width·scale⌉ × ⌈height·scale⌉`. A scale that is not a positive finite number
    /// is treated as 1, and sizes that are negative or not finite as 0.
    public static func render(_ scene: PlotScene, scale: Double = 1) -> Pixmap {
        let s = scale.isFinite && scale > 0 ? scale : 1
        var pixmap = Pixmap(width: side(scene.width * s), height: side(scene.height * s), fill: scene.background)
        var state = RenderState(scale: s)
        state.draw(scene.nodes, clip: nil, into: &pixmap)
        return pixmap
    }

    /// A pixmap side from a scaled length, never trapping on NaN, infinities or negatives.
    static func side(_ v: Double) -> Int {
        guard v.isFinite, v > 0 else { return 0 }
        return Int(Swift.min(v.rounded(.up), Double(maxSide)))
    }
}

/// What a render carries while it walks the tree: the scale and one reusable rasterizer.
struct RenderState {
    let scale: Double
    let transform: Transform
    var rasterizer = Rasterizer()

    init(scale: Double) {
        self.scale = scale
        transform = scale == 1 ? .identity : .scale(scale, scale)
    }

    mutating func draw(_ nodes: [SceneNode], clip: Rect?, into pixmap: inout Pixmap) {
        for node in nodes {
            switch node {
            case .path(let p):
                let path = p.path.transformed(by: transform)
                if let fill = p.fill {
                    rasterizer.fill(path, color: fill.color, rule: fill.rule, clip: clip, into: &pixmap)
                }
                if let stroke = p.stroke, stroke.color.alpha > 0 {
                    var scaled = stroke
                    scaled.width *= scale
                    scaled.dash = stroke.dash.map { $0 * scale }
                    scaled.dashOffset *= scale
                    let outline = Stroker.outline(of: path, stroke: scaled)
                    rasterizer.fill(outline, color: stroke.color, rule: .nonZero, clip: clip, into: &pixmap)
                }
            case .text(let t):
                rasterizer.fill(t.glyphs.transformed(by: transform), color: t.color, rule: .nonZero,
                                clip: clip, into: &pixmap)
            case .group(let g):
                var inner = clip
                if let c = g.clip {
                    let scaled = Rect(x: c.x * scale, y: c.y * scale, width: c.width * scale, height: c.height * scale)
                    inner = clip.map { RenderState.intersect($0, scaled) } ?? scaled
                }
                draw(g.nodes, clip: inner, into: &pixmap)
            }
        }
    }

    /// The overlap of two rectangles; an empty overlap has zero width or height.
    static func intersect(_ a: Rect, _ b: Rect) -> Rect {
        let x0 = Swift.max(a.x, b.x), y0 = Swift.max(a.y, b.y)
        let x1 = Swift.min(a.maxX, b.maxX), y1 = Swift.min(a.maxY, b.maxY)
        return Rect(x: x0, y: y0, width: Swift.max(0, x1 - x0), height: Swift.max(0, y1 - y0))
    }
}
