// swift-tools-version:6.0
// libFuzzer harnesses for Plotline, kept in their own package so the main build, its tests and CI
// never see -sanitize=fuzzer. Build and run them with Scripts/fuzz.sh from the repository root.
import PackageDescription

let package = Package(
    name: "PlotlineFuzz",
    dependencies: [
        // The package under test, by path, so the harnesses always fuzz the working tree.
        .package(name: "Plotline", path: ".."),
    ],
    targets: [
        // Spec JSON → ChartSpec → validation → layout → SVG text.
        .executableTarget(name: "FuzzSpec", dependencies: [.product(name: "Plotline", package: "Plotline")]),
        // CSV bytes → CSVTable → every column read every way.
        .executableTarget(name: "FuzzCSV", dependencies: [.product(name: "Plotline", package: "Plotline")]),
        // PNG bytes → libpng via PNGDecoder → premultiplied pixmap.
        .executableTarget(name: "FuzzPNG", dependencies: [.product(name: "Plotline", package: "Plotline")]),
    ],
    swiftLanguageModes: [.v6]
)
