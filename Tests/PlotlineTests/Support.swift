import Foundation
import Plotline
@_exported import PlotlineTestSupport

/// Every text run and path in a scene, flattened.
extension PlotScene {
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
