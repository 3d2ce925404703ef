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
    /// Ids stay unique across the page: a chart whose id prefix (as the SVG writer spells it)
    /// another chart already has — the same name and structure in two folders, or one explicit
    /// `id` used twice — is given the prefix with `-2`, `-3`… in its inline SVG and its SVG file
    /// alike. The page's own anchors all start with `report-`, which no chart prefix may.
    public func build(_ entries: [ReportEntry], folder: String) -> (charts: [Report.Chart], errors: [PlotlineError]) {
        var charts: [Report.Chart] = []
        var errors: [PlotlineError] = []
        var ids = UniqueIDs()
        var index = 0
        renderer.renderAll(specsAt: entries.map(\.path), options: options) { result in
            let entry = entries[index]
            index += 1
            do throws(PlotlineError) {
                var chart = try result.get()
                var svg = chart.files.first { $0.format == .svg }?.bytes ?? []
                var prefix = SVGWriter.sanitizedID(chart.scene.idPrefix)
                if prefix.hasPrefix("report-") { prefix = "p" + prefix }
                let chosen = ids.claim(prefix)
                if chosen != chart.scene.idPrefix {
                    chart.scene.idPrefix = chosen
                    chart.darkScene?.idPrefix = chosen
                    svg = try Renderer.encode(chart.scene, dark: chart.darkScene, as: .svg, options: options, name: entry.path)
                }
                let relativeFolder = entry.group.isEmpty ? "" : entry.group + "/"
                let targetFolder = folder + "/" + relativeFolder
                try FileOutput.makeFolder(targetFolder)
                let png = chart.files.first { $0.format == .png }?.bytes ?? []
                try FileOutput.writeTogether([(svg, targetFolder + chart.name + ".svg"), (png, targetFolder + chart.name + ".png")])
                let anchor = ids.claim("report-chart-" + Report.slug(relativeFolder + chart.name))
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

/// Ids handed out once each: a taken one gets `-2`, `-3`… until it is free.
struct UniqueIDs {
    private var used: Set<String> = []

    /// `id`, or the first of `id-2`, `id-3`… not taken yet; it is taken from now on.
    mutating func claim(_ id: String) -> String {
        var candidate = id, n = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
