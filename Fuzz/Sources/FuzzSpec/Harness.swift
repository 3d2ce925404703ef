// libFuzzer owns `main` (-sanitize=fuzzer), so this file holds declarations only.
import Plotline

/// One renderer for the whole run: its FontResolver caches faces, so each input pays for layout,
/// not for opening DejaVu again.
private let renderer = Renderer()

/// The default family's faces, loaded once; specs naming other families are laid out with these,
/// because searching every font folder for a misspelt family costs milliseconds per input.
private let defaultFonts: ChartFonts? = try? renderer.fonts.fonts(family: "DejaVu Sans")

/// Options that skip PNG: rasterizing a 16384-pixel canvas per input would make the run crawl.
private let svgOnly = RenderOptions(formats: [.svg])

// Thrown errors are the expected outcome for most inputs; only crashes, hangs and memory blow-ups count.
/// libFuzzer's entry: decodes the bytes as a spec and, when it is valid, lays it out and writes SVG.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // A folder that never exists: CSV and font paths in the spec must fail, not read the disk.
    guard let spec = try? ChartSpecLoader.decode(bytes, file: "fuzz.json", baseDirectory: "/nonexistent-fuzz-dir") else {
        return 0
    }
    _ = spec.warnings
    guard let defaultFonts else { return 0 }
    let usesDefaultFonts = spec.font.file == nil && spec.font.family == "DejaVu Sans"
        && spec.text.families.allSatisfy { $0 == "DejaVu Sans" }
    let main: PlotScene, dark: PlotScene?
    if usesDefaultFonts {
        // The library's own path: validation, font resolution, themes and id prefix.
        guard let scenes = try? renderer.scenes(for: spec, specFile: "fuzz.json") else { return 0 }
        (main, dark) = scenes
    } else {
        // Same validation and layout, with every named family mapped to the preloaded faces.
        guard spec.firstProblem() == nil else { return 0 }
        var fonts = defaultFonts
        for family in spec.text.families {
            fonts.families[family] = FontFaces(regular: defaultFonts.regular, bold: defaultFonts.bold)
        }
        switch spec.theme {
        case .light: (main, dark) = (ChartLayout(fonts: fonts, theme: .light).scene(for: spec), nil)
        case .dark: (main, dark) = (ChartLayout(fonts: fonts, theme: .dark).scene(for: spec), nil)
        case .auto: (main, dark) = (ChartLayout(fonts: fonts, theme: .light).scene(for: spec),
                                    ChartLayout(fonts: fonts, theme: .dark).scene(for: spec))
        }
    }
    _ = try? Renderer.encode(main, dark: dark, as: .svg, options: svgOnly, name: "fuzz")
    return 0
}
