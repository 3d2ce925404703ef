import Plotline
import Testing
import XCTest

/// Records a Swift Testing issue unless the chart at `specPath` renders the same as its reference,
/// `Snapshots/<test function>[.<name>].png` beside the test file.
///
/// ```swift
/// @Test func seedFigure() {
///     expectChartSnapshot(specAt: "Templates/mmlu-pro-rl.json")
/// }
/// ```
public func expectChartSnapshot(specAt specPath: String, named name: String? = nil,
                                snapshot: ChartSnapshot = ChartSnapshot(),
                                filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    if let failure = snapshot.verify(specAt: specPath, named: name, test: Test.current?.name, testFile: filePath) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

/// Records a Swift Testing issue unless an in-memory spec renders the same as its reference `name`.
public func expectChartSnapshot(_ spec: ChartSpec, named name: String,
                                snapshot: ChartSnapshot = ChartSnapshot(),
                                filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    if let failure = snapshot.verify(spec, named: name, test: Test.current?.name, testFile: filePath) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

/// Fails an XCTest unless the chart at `specPath` renders the same as its reference.
public func XCTAssertChartSnapshot(specAt specPath: String, named name: String? = nil,
                                   snapshot: ChartSnapshot = ChartSnapshot(),
                                   file: StaticString = #filePath, function: String = #function, line: UInt = #line) {
    if let failure = snapshot.verify(specAt: specPath, named: name, test: function, testFile: "\(file)") {
        XCTFail(failure, file: file, line: line)
    }
}

/// Fails an XCTest unless an in-memory spec renders the same as its reference `name`.
public func XCTAssertChartSnapshot(_ spec: ChartSpec, named name: String,
                                   snapshot: ChartSnapshot = ChartSnapshot(),
                                   file: StaticString = #filePath, function: String = #function, line: UInt = #line) {
    if let failure = snapshot.verify(spec, named: name, test: function, testFile: "\(file)") {
        XCTFail(failure, file: file, line: line)
    }
}
