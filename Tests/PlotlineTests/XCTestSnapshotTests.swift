import PlotlineTesting
import XCTest

/// The snapshot assertion from XCTest, against the same reference as the Swift Testing tests.
final class XCTestSnapshotTests: XCTestCase {
    func testSeedFigureMatchesItsSnapshot() {
        XCTAssertChartSnapshot(specAt: Repo.seedSpec)
    }

    func testSVGSnapshotMatches() {
        XCTAssertChartSnapshot(specAt: Repo.seedSpec, snapshot: ChartSnapshot(format: .svg))
    }
}
