import Foundation
import Plotline
import PlotlineTesting
import Testing

@Suite(.serialized) struct SnapshotHelperTests {
    @Test func seedFigureMatchesItsSnapshot() {
        expectChartSnapshot(specAt: Repo.seedSpec)
    }

    @Test func svgSnapshotsCompareAsText() {
        expectChartSnapshot(specAt: Repo.seedSpec, snapshot: ChartSnapshot(format: .svg))
    }

    /// A fake test file in a temporary folder, so recording writes there and not into the repository.
    func fakeTestFile() -> String { Repo.temporaryFolder() + "/FakeTests.swift" }

    @Test func missingReferenceIsRecordedAndFailsOnce() throws {
        let testFile = fakeTestFile()
        let snapshot = ChartSnapshot(record: .missing)
        let first = try #require(snapshot.verify(specAt: Repo.seedSpec, testFile: testFile))
        #expect(first.contains("No reference"))
        let recorded = (testFile as NSString).deletingLastPathComponent + "/Snapshots/mmlu-pro-rl.png"  // no test name: the spec's
        #expect(FileManager.default.fileExists(atPath: recorded))
        #expect(snapshot.verify(specAt: Repo.seedSpec, testFile: testFile) == nil)
    }

    @Test func mismatchNamesTheDiffImage() throws {
        let testFile = fakeTestFile()
        let snapshot = ChartSnapshot(record: .missing)
        var spec = try ChartSpecLoader.load(path: Repo.seedSpec)
        _ = snapshot.verify(spec, named: "seed", testFile: testFile)  // records
        spec.series[0].color = PlotColor(css: "steelblue")
        let failure = try #require(snapshot.verify(spec, named: "seed", testFile: testFile))
        #expect(failure.contains("pixels differ"))
        // The artifacts sit in the test's own folder: expected, actual, diff and the three panels.
        let folder = (ProcessInfo.processInfo.environment["PLOTLINE_ARTIFACTS"] ?? NSTemporaryDirectory().trimmingSuffix("/") + "/plotline-snapshots") + "/seed"
        #expect(failure.contains(folder + "/panels.png"))
        for file in ["expected.png", "actual.png", "diff.png"] { #expect(FileManager.default.fileExists(atPath: folder + "/" + file)) }
        let panels = try PNGDecoder.decode(Array(try #require(FileManager.default.contents(atPath: folder + "/panels.png"))))
        #expect(panels.width == 3 * 800 + 8)
        #expect(panels.height == 500)
    }

    @Test func aTestLeftInRecordModeFails() throws {
        let testFile = fakeTestFile()
        let failure = try #require(ChartSnapshot(record: .all).verify(specAt: Repo.seedSpec, test: "someTest()", testFile: testFile))
        #expect(failure.hasPrefix("Recorded"))
        let recorded = (testFile as NSString).deletingLastPathComponent + "/Snapshots/someTest.png"
        #expect(FileManager.default.fileExists(atPath: recorded))
        // Even when the reference matches, recording fails again.
        #expect(ChartSnapshot(record: .all).verify(specAt: Repo.seedSpec, test: "someTest()", testFile: testFile) != nil)
        #expect(ChartSnapshot(record: .missing).verify(specAt: Repo.seedSpec, test: "someTest()", testFile: testFile) == nil)
    }

    @Test func neverRecordsInNeverMode() throws {
        let testFile = fakeTestFile()
        let failure = try #require(ChartSnapshot(record: .never).verify(specAt: Repo.seedSpec, test: "t()", testFile: testFile))
        #expect(failure.contains("record mode is never"))
        #expect(!FileManager.default.fileExists(atPath: (testFile as NSString).deletingLastPathComponent + "/Snapshots"))
    }

    @Test func namesComeFromTheTestAndAnOptionalName() {
        #expect(ChartSnapshot.snapshotName(test: "revenueChart()", name: nil) == "revenueChart")
        #expect(ChartSnapshot.snapshotName(test: "revenueChart()", name: "dark") == "revenueChart.dark")
        #expect(ChartSnapshot.snapshotName(test: "testRevenue", name: nil) == "testRevenue")
        #expect(ChartSnapshot.snapshotName(test: nil, name: "x") == "x")
    }

    @Test func toleranceAcceptsSmallChanges() throws {
        let testFile = fakeTestFile()
        var spec = try ChartSpecLoader.load(path: Repo.seedSpec)
        _ = ChartSnapshot(record: .missing).verify(spec, named: "seed", testFile: testFile)
        spec.series[0].color = PlotColor(rgb: 0xF18181)  // one step from lightcoral
        #expect(ChartSnapshot(record: .missing).verify(spec, named: "seed", testFile: testFile) != nil)
        #expect(ChartSnapshot(tolerance: .init(threshold: 0.1), record: .missing).verify(spec, named: "seed", testFile: testFile) == nil)
    }
}

@Suite struct AntialiasingClassificationTests {
    @Test func aRecolouredLineIsAChangeNotAnAntialiasingShift() throws {
        var spec = try ChartSpecLoader.load(path: Repo.seedSpec)
        let renderer = Renderer()
        let before = SceneRasterizer.render(try renderer.scene(for: spec, specFile: "seed"))
        spec.series[0].color = PlotColor(css: "steelblue")
        let after = SceneRasterizer.render(try renderer.scene(for: spec, specFile: "seed"))
        let result = try ImageComparison.compare(expected: before, actual: after, options: .init())
        #expect(result.differentPixels > 3 * result.antialiasedPixels, "\(result.summary)")
    }

    @Test func aSubpixelShiftIsMostlyAntialiasing() throws {
        var spec = try ChartSpecLoader.load(path: Repo.seedSpec)
        let renderer = Renderer()
        let before = SceneRasterizer.render(try renderer.scene(for: spec, specFile: "seed"))
        guard case .line(var line) = spec.series[0].mark else { Issue.record("the seed is a line"); return }
        line.y = line.y.map { $0 + 0.002 }  // about a tenth of a pixel
        spec.series[0].mark = .line(line)
        let after = SceneRasterizer.render(try renderer.scene(for: spec, specFile: "seed"))
        let result = try ImageComparison.compare(expected: before, actual: after, options: .init())
        #expect(result.antialiasedPixels > 0)
        #expect(result.antialiasedPixels > result.differentPixels, "\(result.summary)")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
