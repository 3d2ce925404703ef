import PlotlineCore
import PlotlineLayout
import PlotlineRaster
import PlotlineSVG

/// How `render --check` and `plotline diff` compare SVG files.
public enum SVGComparison: String, Sendable, CaseIterable {
    /// Draw both with Plotline's rasterizer and compare pixels with the image tolerances: what a
    /// reader sees. Files Plotline did not write fall back to text.
    case render
    /// Compare the text exactly, with a unified diff.
    case text
}

extension Renderer {
    /// An SVG that Plotline wrote, drawn by Plotline's own rasterizer: the file is read back into
    /// a Scene, its text runs are outlined again with the fonts they name, and the Scene is filled.
    public func rasterize(svg bytes: [UInt8], scale: Double = 1) throws(PlotlineError) -> Pixmap {
        var scene: PlotScene
        do {
            scene = try SVGReader.read(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw PlotlineError(.image, message: "not an SVG Plotline wrote: \(error.description)")
        }
        scene.nodes = try outlined(scene.nodes)
        return SceneRasterizer.render(scene, scale: scale)
    }

    private func outlined(_ nodes: [SceneNode]) throws(PlotlineError) -> [SceneNode] {
        var result: [SceneNode] = []
        for node in nodes {
            switch node {
            case .path:
                result.append(node)
            case .group(var g):
                g.nodes = try outlined(g.nodes)
                result.append(.group(g))
            case .text(let t):
                let layout = ChartLayout(fonts: try fonts.fonts(family: t.font.family))
                result.append(.text(layout.run(t.text, at: t.origin, anchor: t.anchor, rotation: t.rotation, size: t.font.size,
                                               color: t.color, bold: t.font.bold)))
            }
        }
        return result
    }
}
