import Dispatch
import Synchronization

extension Renderer {
    /// Renders many specs on every core. The results come back in input order, each chart or the
    /// error that stopped it, so a batch prints and writes exactly what a serial run would.
    public func renderAll(specsAt paths: [String], options: RenderOptions = RenderOptions()) -> [Result<RenderedChart, PlotlineError>] {
        let results = Mutex<[Result<RenderedChart, PlotlineError>?]>(Array(repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let result = Result { () throws(PlotlineError) -> RenderedChart in try render(specAt: paths[i], options: options) }
            results.withLock { $0[i] = result }
        }
        return results.withLock { all in
            all.enumerated().map { i, r in r ?? .failure(PlotlineError(.invalidSpec, file: paths[i], message: "was not rendered")) }
        }
    }
}
