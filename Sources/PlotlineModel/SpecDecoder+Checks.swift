/// The model-level checks (`SpecValidation.swift`), reported at the JSON that caused them.
extension SpecDecoder {
    func checkAcrossSeries(_ spec: ChartSpec) throws(SpecError) {
        guard let p = spec.crossSeriesProblem() else { return }
        let index = p.series ?? 0
        let node = p.atX ? seriesXNodes[min(index, seriesXNodes.count - 1)] : seriesNodes[min(index, seriesNodes.count - 1)]
        throw fail(node, p.keyPath, p.message)
    }
}
