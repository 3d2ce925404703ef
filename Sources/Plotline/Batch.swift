#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

extension Renderer {
    /// Renders many specs on every core. The results come back in input order, each chart or the
    /// error that stopped it, so a batch prints and writes exactly what a serial run would.
    public func renderAll(specsAt paths: [String], options: RenderOptions = RenderOptions()) -> [Result<RenderedChart, PlotlineError>] {
        var all: [Result<RenderedChart, PlotlineError>] = []
        renderAll(specsAt: paths, options: options) { all.append($0) }
        return all
    }

    /// Renders many specs on every core and hands each result to `handle` in input order, a
    /// window of a few specs per core at a time: memory stays that of the window however many
    /// specs there are, and each chart is written before later ones are rendered.
    public func renderAll(specsAt paths: [String], options: RenderOptions = RenderOptions(),
                          _ handle: (Result<RenderedChart, PlotlineError>) -> Void) {
        let window = max(4, 2 * sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(start + window, paths.count)])
            let results = Mutex<[Result<RenderedChart, PlotlineError>?]>(Array(repeating: nil, count: batch.count))
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let result = Result { () throws(PlotlineError) -> RenderedChart in try render(specAt: batch[i], options: options) }
                results.withLock { $0[i] = result }
            }
            let done = results.withLock { $0 }
            for (i, r) in done.enumerated() {
                handle(r ?? .failure(PlotlineError(.invalidSpec, file: batch[i], message: "was not rendered")))
            }
            start += batch.count
        }
    }
}
