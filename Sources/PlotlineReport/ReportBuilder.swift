import Plotline

/// Renders a report's charts, writes their files beside the page, and gathers what the page shows.
public struct ReportBuilder: Sendable {
    /// The renderer for every chart.
    public var renderer: Renderer
    /// How charts are rendered (formats are always SVG and PNG: the page links both).
    public var options: RenderOptions

    /// Creates a builder.
    public init(renderer: Renderer = Renderer(), options: RenderOptions = RenderOptions()) {
        self.renderer = renderer
        self.options = options
        self.options.formats = [.svg, .png]
    }

    /// Renders every entry, writes `<folder>/<group>/<name>.svg` and `.png` (each chart's pair
    /// atomically), and returns the report's charts in input order with the errors of the specs
    /// that failed, in input order too.
    ///
    /// Ids stay unique across the page: a chart whose id prefix another chart already has (the
    /// same name and structure in two folders, or one explicit `id` used twice) is given the
    /// prefix with `-2`, `-3`… in its inline SVG and its SVG file alike.
    public func build(_ entries: [ReportEntry], folder: String) -> (charts: [Report.Chart], errors: [PlotlineError]) {
        var charts: [Report.Chart] = []
        var errors: [PlotlineError] = []
        var prefixes: Set<String> = []
        var anchors: Set<String> = []
        var index = 0
        renderer.renderAll(specsAt: entries.map(\.path), options: options) { result in
            let entry = entries[index]
            index += 1
            do throws(PlotlineError) {
                var chart = try result.get()
                var svg = chart.files.first { $0.format == .svg }?.bytes ?? []
                if prefixes.contains(chart.scene.idPrefix) {
                    let base = chart.scene.idPrefix
                    var n = 2
                    while prefixes.contains("\(base)-\(n)") { n += 1 }
                    chart.scene.idPrefix = "\(base)-\(n)"
                    chart.darkScene?.idPrefix = "\(base)-\(n)"
                    svg = try Renderer.encode(chart.scene, dark: chart.darkScene, as: .svg, options: options, name: entry.path)
                }
                prefixes.insert(chart.scene.idPrefix)
                let relativeFolder = entry.group.isEmpty ? "" : entry.group + "/"
                let targetFolder = folder + "/" + relativeFolder
                try FileOutput.makeFolder(targetFolder)
                let png = chart.files.first { $0.format == .png }?.bytes ?? []
                try FileOutput.writeTogether([(svg, targetFolder + chart.name + ".svg"), (png, targetFolder + chart.name + ".png")])
                var anchor = "chart-" + Report.slug(relativeFolder + chart.name)
                if anchors.contains(anchor) {
                    var n = 2
                    while anchors.contains("\(anchor)-\(n)") { n += 1 }
                    anchor += "-\(n)"
                }
                anchors.insert(anchor)
                charts.append(Report.Chart(
                    name: chart.name,
                    title: chart.scene.title.isEmpty ? chart.name : chart.scene.title,
                    description: chart.scene.description,
                    svg: String(decoding: svg, as: UTF8.self),
                    svgPath: Report.urlPath(relativeFolder + chart.name + ".svg"),
                    pngPath: Report.urlPath(relativeFolder + chart.name + ".png"),
                    anchor: anchor,
                    group: entry.group))
            } catch {
                errors.append(error)
            }
        }
        return (charts, errors)
    }
}
