import Foundation
import Plotline
@_exported import PlotlineTestSupport

/// Every text run and path in a scene, flattened.
extension PlotScene {
    /// Every point of every path and glyph outline.
    var allPoints: [Point] {
        var result: [Point] = []
        func add(_ path: PlotPath) {
            for e in path.elements {
                switch e {
                case .move(let p), .line(let p): result.append(p)
                case .quad(let c, let p): result += [c, p]
                case .cubic(let c1, let c2, let p): result += [c1, c2, p]
                case .close: break
                }
            }
        }
        func walk(_ nodes: [SceneNode]) {
            for n in nodes {
                switch n {
                case .path(let p): add(p.path)
                case .text(let t): add(t.glyphs)
                case .group(let g): walk(g.nodes)
                }
            }
        }
        walk(nodes)
        return result
    }

    var allTexts: [SceneText] {
        var result: [SceneText] = []
        func walk(_ nodes: [SceneNode]) {
            for n in nodes {
                switch n {
                case .text(let t): result.append(t)
                case .group(let g): walk(g.nodes)
                case .path: break
                }
            }
        }
        walk(nodes)
        return result
    }
}
