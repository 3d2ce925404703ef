// swift-tools-version:6.0
// Plotline: charts from data to SVG and PNG, byte-for-byte reproducible.
import PackageDescription

let package = Package(
    name: "Plotline",
    products: [
        .library(name: "Plotline", targets: ["Plotline"]),
        .library(name: "PlotlineTesting", targets: ["PlotlineTesting"]),
        .library(name: "PlotlineReport", targets: ["PlotlineReport"]),
        .executable(name: "plotline", targets: ["plotline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Report pages are templates users can copy and change; the engine escapes every value.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Documentation only: `swift package generate-documentation`; nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // Geometry, colours, paths, pixel buffers and the Scene: the vocabulary every layer shares.
        .target(name: "PlotlineCore"),
        // The chart as the user describes it: spec decoding, CSV, validation.
        .target(name: "PlotlineModel", dependencies: ["PlotlineCore", "PlotlineScales"]),
        // Scales, nice ticks, calendar dates, number formats and tick labels: pure numerics.
        .target(name: "PlotlineScales"),
        // FreeType bindings.
        .systemLibrary(
            name: "CFreeType",
            pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"]), .brew(["freetype"])]
        ),
        // Font loading, metrics, kerning and unhinted glyph outlines.
        .target(name: "PlotlineFonts", dependencies: ["PlotlineCore", "CFreeType"]),
        // Chart model → Scene in pixel space.
        .target(name: "PlotlineLayout", dependencies: ["PlotlineCore", "PlotlineModel", "PlotlineScales", "PlotlineFonts"]),
        // Scene → SVG text.
        .target(name: "PlotlineSVG", dependencies: ["PlotlineCore"]),
        // Scene → premultiplied RGBA pixels.
        .target(name: "PlotlineRaster", dependencies: ["PlotlineCore"]),
        // libpng bindings, with a C shim that owns every setjmp.
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]
        ),
        // PNG encoding and decoding.
        .target(name: "PlotlinePNG", dependencies: ["PlotlineCore", "CPNG"]),
        // Removes temporary files when a signal ends the process: a handler must be plain C.
        .target(name: "CTempFiles"),
        // Image and text comparison for CI.
        .target(name: "PlotlineDiff", dependencies: ["PlotlineCore"]),
        // The umbrella: spec file → SVG/PNG files, re-exporting every layer.
        .target(
            name: "Plotline",
            dependencies: ["PlotlineCore", "PlotlineModel", "PlotlineScales", "PlotlineFonts", "PlotlineLayout",
                           "PlotlineSVG", "PlotlineRaster", "PlotlinePNG", "PlotlineDiff", "CTempFiles"]
        ),
        // Many charts on one HTML page or in one Markdown file.
        .target(name: "PlotlineReport", dependencies: ["Plotline", .product(name: "Mustache", package: "swift-mustache")]),
        // Snapshot assertions for XCTest and Swift Testing.
        .target(name: "PlotlineTesting", dependencies: ["Plotline"]),
        // The command-line tool, thin over the library.
        .executableTarget(
            name: "plotline",
            dependencies: ["Plotline", "PlotlineReport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // In-process timings of the pipeline, run in release; kept out of the test suite.
        .executableTarget(name: "plotline-bench", dependencies: ["Plotline"]),
        // The README's Swift example, verbatim; a test runs it.
        .executableTarget(name: "plotline-example", dependencies: ["Plotline"]),

        .testTarget(name: "PlotlineCoreTests", dependencies: ["PlotlineCore"]),
        .testTarget(name: "PlotlineModelTests", dependencies: ["PlotlineModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotlineScalesTests", dependencies: ["PlotlineScales", "PlotlineTestSupport"]),
        .testTarget(name: "PlotlineFontsTests", dependencies: ["PlotlineFonts"]),
        // Layout tests set text with a stand-in measurer: no FreeType calls, no font on disk.
        .testTarget(name: "PlotlineLayoutTests", dependencies: ["PlotlineLayout", "PlotlineTestSupport"]),
        .testTarget(name: "PlotlineSVGTests", dependencies: ["PlotlineSVG"]),
        .testTarget(name: "PlotlineRasterTests", dependencies: ["PlotlineRaster"]),
        .testTarget(name: "PlotlinePNGTests", dependencies: ["PlotlinePNG", "PlotlineDiff"], resources: [.copy("Fixtures")]),
        // Paths, temporary folders and subprocesses shared by the end-to-end test targets.
        .target(name: "PlotlineTestSupport", path: "Tests/PlotlineTestSupport"),
        .testTarget(name: "PlotlineTests", dependencies: ["Plotline", "PlotlineTesting", "PlotlineTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "PlotlineCLITests", dependencies: ["plotline", "plotline-example", "Plotline", "PlotlineTestSupport"],
                    exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
