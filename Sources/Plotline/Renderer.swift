import PlotlineCore
import PlotlineLayout
import PlotlineModel
import PlotlinePNG
import PlotlineRaster
import PlotlineSVG

/// An output file format.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    /// Scalable Vector Graphics text.
    case svg
    /// A PNG image drawn by Plotline's own rasterizer.
    case png

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }
}

/// How charts are rendered to files.
public struct RenderOptions: Sendable, Hashable {
    /// Formats to produce, in this order; SVG and PNG by default.
    public var formats: [OutputFormat]
    /// Pixel density of PNG output: 2 renders the same layout with twice the pixels. 1 by default.
    public var scale: Double
    /// How the SVG writer emits text; `<text>` elements by default.
    public var svgText: SVGWriter.TextMode

    /// Creates render options.
    public init(formats: [OutputFormat] = [.svg, .png], scale: Double = 1, svgText: SVGWriter.TextMode = .text) {
        self.formats = formats
        self.scale = scale
        self.svgText = svgText
    }
}

/// One chart rendered in memory: its name, Scene and the bytes of each requested format.
public struct RenderedChart: Sendable {
    /// The spec's file name without its extension; output files are named after it.
    public var name: String
    /// The laid-out Scene.
    public var scene: Scene
    /// Encoded files in the order of ``RenderOptions/formats``.
    public var files: [(format: OutputFormat, bytes: [UInt8])]
    /// What looks wrong in the spec without making it invalid, each line starting with the spec's path.
    public var warnings: [String] = []
}

/// The whole pipeline: spec file → model → layout → Scene → SVG text and PNG bytes.
public struct Renderer: Sendable {
    /// The fonts, shared across charts.
    public let fonts: FontResolver
    /// The look of every chart.
    public var theme: Theme

    /// Creates a renderer.
    public init(fonts: FontResolver = FontResolver(), theme: Theme = Theme()) {
        self.fonts = fonts
        self.theme = theme
    }

    /// Loads and lays out the spec at `path`.
    public func scene(specAt path: String) throws(PlotlineError) -> Scene {
        try scene(for: try Renderer.load(path), specFile: path)
    }

    private static func load(_ path: String) throws(PlotlineError) -> ChartSpec {
        do {
            return try ChartSpecLoader.load(path: path)
        } catch {
            throw PlotlineError(error.description)
        }
    }

    /// Lays out a spec, loaded or built in Swift, after the same validation the loader applies;
    /// `specFile` names it in errors.
    public func scene(for spec: ChartSpec, specFile: String) throws(PlotlineError) -> Scene {
        if let problem = spec.firstProblem() { throw PlotlineError("\(specFile): \(problem.keyPath): \(problem.message)") }
        let chartFonts = try fonts.fonts(for: spec, specFile: specFile)
        return ChartLayout(fonts: chartFonts, theme: theme).scene(for: spec)
    }

    /// Renders the spec at `path` in memory.
    public func render(specAt path: String, options: RenderOptions = RenderOptions()) throws(PlotlineError) -> RenderedChart {
        let spec = try Renderer.load(path)
        let scene = try scene(for: spec, specFile: path)
        var files: [(format: OutputFormat, bytes: [UInt8])] = []
        for format in options.formats {
            files.append((format, try Renderer.encode(scene, as: format, options: options, name: path)))
        }
        return RenderedChart(name: Renderer.chartName(path), scene: scene, files: files,
                             warnings: spec.warnings.map { "\(path): \($0)" })
    }

    /// The bytes of `scene` in one format.
    public static func encode(_ scene: Scene, as format: OutputFormat, options: RenderOptions, name: String = "chart") throws(PlotlineError) -> [UInt8] {
        switch format {
        case .svg:
            return Array(SVGWriter(textMode: options.svgText).write(scene).utf8)
        case .png:
            let (w, h) = (scene.width * options.scale, scene.height * options.scale)
            guard w.isFinite, h.isFinite, w <= Renderer.maximumPNGSide, h <= Renderer.maximumPNGSide,
                  w * h <= Renderer.maximumPNGPixels else {
                throw PlotlineError("\(name): a PNG of \(Int(min(w, 1e9)))×\(Int(min(h, 1e9))) pixels is too large "
                    + "(at most \(Int(maximumPNGSide)) a side and \(Int(maximumPNGPixels) / 1_000_000) million pixels); lower --scale or the size")
            }
            let pixmap = SceneRasterizer.render(scene, scale: options.scale)
            do {
                return try PNGEncoder.encode(pixmap, scale: options.scale)
            } catch {
                throw PlotlineError("\(name): cannot encode PNG: \(error)")
            }
        }
    }

    /// The longest PNG side, in device pixels.
    public static let maximumPNGSide: Double = 32768
    /// The most pixels in one PNG: 2²⁷, half a gigabyte of RGBA, so a large canvas at a high scale is
    /// refused up front instead of exhausting memory.
    public static let maximumPNGPixels: Double = 134_217_728

    /// The chart's name: the spec's file name without folder and extension.
    public static func chartName(_ specPath: String) -> String {
        let file = specPath.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? specPath
        if let dot = file.lastIndex(of: "."), dot != file.startIndex { return String(file[..<dot]) }
        return file
    }
}
