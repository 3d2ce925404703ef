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
    /// Overrides every spec's `theme`; nil keeps each spec's own.
    public var theme: ThemeChoice?
    /// Folders a spec file may read data and fonts from besides its own folder and the current
    /// directory (see `ReadPolicy`).
    public var allowRead: [String]

    /// Creates render options.
    public init(formats: [OutputFormat] = [.svg, .png], scale: Double = 1, svgText: SVGWriter.TextMode = .text,
                theme: ThemeChoice? = nil, allowRead: [String] = []) {
        self.allowRead = allowRead
        self.formats = formats
        self.scale = scale
        self.svgText = svgText
        self.theme = theme
    }
}

/// One chart rendered in memory: its name, PlotScene and the bytes of each requested format.
public struct RenderedChart: Sendable {
    /// The spec's file name without its extension; output files are named after it.
    public var name: String
    /// The laid-out PlotScene (for the `auto` theme, its light variant).
    public var scene: PlotScene
    /// For the `auto` theme, the same chart in the dark theme, which the SVG switches to.
    public var darkScene: PlotScene?
    /// Encoded files in the order of ``RenderOptions/formats``.
    public var files: [(format: OutputFormat, bytes: [UInt8])]
    /// What looks wrong in the spec without making it invalid, each line starting with the spec's path.
    public var warnings: [String] = []
}

/// The whole pipeline: spec file → model → layout → PlotScene → SVG text and PNG bytes.
public struct Renderer: Sendable {
    /// The fonts, shared across charts.
    public let fonts: FontResolver
    /// The look of charts in the light theme.
    public var theme: Theme
    /// The look of charts in the dark theme (and of the dark half of `auto`).
    public var darkTheme: Theme

    /// Creates a renderer.
    public init(fonts: FontResolver = FontResolver(), theme: Theme = .light, darkTheme: Theme = .dark) {
        self.fonts = fonts
        self.theme = theme
        self.darkTheme = darkTheme
    }

    /// Loads and lays out the spec at `path`.
    public func scene(specAt path: String) throws(PlotlineError) -> PlotScene {
        try scene(for: try Renderer.load(path), specFile: path)
    }

    private static func load(_ path: String, allowRead: [String] = []) throws(PlotlineError) -> ChartSpec {
        do {
            return try ChartSpecLoader.load(path: path, allowRead: allowRead)
        } catch {
            throw PlotlineError(error)
        }
    }

    /// Lays out a spec, loaded or built in Swift, after the same validation the loader applies;
    /// `specFile` names it in errors.
    public func scene(for spec: ChartSpec, specFile: String) throws(PlotlineError) -> PlotScene {
        try scenes(for: spec, specFile: specFile).main
    }

    /// The PlotScene in the spec's theme (or `theme` when given), and for `auto` the dark twin too.
    public func scenes(for spec: ChartSpec, specFile: String, theme choice: ThemeChoice? = nil) throws(PlotlineError) -> (main: PlotScene, dark: PlotScene?) {
        if let problem = spec.firstProblem() { throw PlotlineError(.invalidSpec, file: specFile, keyPath: problem.keyPath, message: problem.message) }
        let chartFonts = try fonts.fonts(for: spec, specFile: specFile)
        var (main, dark): (PlotScene, PlotScene?)
        switch choice ?? spec.theme {
        case .light:
            (main, dark) = (ChartLayout(fonts: chartFonts, theme: theme).scene(for: spec), nil)
        case .dark:
            (main, dark) = (ChartLayout(fonts: chartFonts, theme: darkTheme).scene(for: spec), nil)
        case .auto:
            // Both themes share every size, so the two Scenes differ in colour only.
            (main, dark) = (ChartLayout(fonts: chartFonts, theme: theme).scene(for: spec),
                            ChartLayout(fonts: chartFonts, theme: darkTheme).scene(for: spec))
        }
        if spec.id == nil {
            let prefix = Renderer.idPrefix(for: spec, name: Renderer.chartName(specFile))
            main.idPrefix = prefix
            dark?.idPrefix = prefix
        }
        return (main, dark)
    }

    /// The default id prefix: `plotline-` and a hash of the chart's name and structure — size,
    /// titles, axes, series names and kinds, annotations — but not its data, so ids stay put when
    /// only the numbers change, while different charts inlined in one page still differ.
    public static func idPrefix(for spec: ChartSpec, name: String) -> String {
        var key = "\(name)|\(spec.width)x\(spec.height)|\(spec.title ?? "")|\(spec.subtitle ?? "")"
        for axis in [spec.x, spec.y, spec.y2 ?? AxisSpec()] { key += "|\(axis.label ?? "")|\(axis.scale?.rawValue ?? "")" }
        for s in spec.series { key += "|\(s.kind.rawValue):\(s.name ?? ""):\(s.axis.rawValue)" }
        key += "|\(spec.annotations.count)|\(spec.theme.rawValue)"
        // FNV-1a, 64 bits, as the SVG writer hashes documents; the first 8 hex digits suffice.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let digits = Array("0123456789abcdef")
        return "plotline-" + String((0..<8).map { digits[Int((h >> UInt64(60 - 4 * $0)) & 0xF)] })
    }

    /// Renders the spec at `path` in memory.
    public func render(specAt path: String, options: RenderOptions = RenderOptions()) throws(PlotlineError) -> RenderedChart {
        let spec = try Renderer.load(path, allowRead: options.allowRead)
        let (scene, dark) = try scenes(for: spec, specFile: path, theme: options.theme)
        var files: [(format: OutputFormat, bytes: [UInt8])] = []
        for format in options.formats {
            files.append((format, try Renderer.encode(scene, dark: dark, as: format, options: options, name: path)))
        }
        return RenderedChart(name: Renderer.chartName(path), scene: scene, darkScene: dark, files: files,
                             warnings: spec.warnings.map { "\(path): \($0)" })
    }

    /// The bytes of `scene` in one format; an SVG with a `dark` twin follows the reader's colour scheme.
    public static func encode(_ scene: PlotScene, dark: PlotScene? = nil, as format: OutputFormat, options: RenderOptions,
                              name: String = "chart") throws(PlotlineError) -> [UInt8] {
        switch format {
        case .svg:
            return Array(SVGWriter(textMode: options.svgText).write(scene, dark: dark).utf8)
        case .png:
            let (w, h) = (scene.width * options.scale, scene.height * options.scale)
            guard w.isFinite, h.isFinite, w <= Renderer.maximumPNGSide, h <= Renderer.maximumPNGSide,
                  w * h <= Renderer.maximumPNGPixels else {
                throw PlotlineError(.imageTooLarge, file: name, message: "a PNG of \(Int(min(w, 1e9)))×\(Int(min(h, 1e9))) pixels is too large "
                    + "(at most \(Int(maximumPNGSide)) a side and \(Int(maximumPNGPixels) / 1_000_000) million pixels); lower --scale or the size")
            }
            let pixmap = SceneRasterizer.render(scene, scale: options.scale)
            do {
                return try PNGEncoder.encode(pixmap, scale: options.scale)
            } catch {
                throw PlotlineError(.image, file: name, message: "cannot encode PNG: \(error)")
            }
        }
    }

    /// The longest PNG side, in device pixels.
    public static let maximumPNGSide: Double = 32768
    /// The most pixels in one PNG: 64 million, a quarter of a gigabyte of RGBA, so a large canvas at a
    /// high scale is refused up front instead of exhausting memory; the PNG decoder's budget is the same.
    public static let maximumPNGPixels: Double = Double(PNGDecoder.maximumPixels)

    /// The chart's name: the spec's file name without folder and extension.
    public static func chartName(_ specPath: String) -> String {
        let file = specPath.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? specPath
        if let dot = file.lastIndex(of: "."), dot != file.startIndex { return String(file[..<dot]) }
        return file
    }
}
