import Foundation
import PlotlineCore
@testable import PlotlineDiff
import PlotlinePNG
import Testing

@Suite("Image comparison")
struct ImageComparisonTests {
    let strict = ImageComparison.Options()

    @Test func identicalImages() throws {
        let base = try fixturePixmap("base.png")
        let result = try ImageComparison.compare(expected: base, actual: base, options: strict)
        #expect(result.differentPixels == 0)
        #expect(result.antialiasedPixels == 0)
        #expect(result.changedBox == nil)
        #expect(result.passes)
        #expect(result.summary == "images are identical")
        #expect(result.width == 64 && result.height == 48)
        // The diff picture of white is white; of the rectangle, a light grey.
        #expect(result.diffImage.color(x: 0, y: 0) == PlotColor.white)
        let grey = result.diffImage.color(x: 16, y: 14)
        #expect(grey.red == grey.green && grey.green == grey.blue && grey.red > 200 && grey.red < 255)
    }

    @Test func samePixelsFromDifferentEncodingsAreIdentical() throws {
        let result = try ImageComparison.compare(
            expected: try fixturePixmap("base.png"), actual: try fixturePixmap("interlaced.png"), options: strict)
        #expect(result.differentPixels == 0 && result.passes)
    }

    @Test func onePixelChanged() throws {
        let result = try ImageComparison.compare(
            expected: try fixturePixmap("base.png"), actual: try fixturePixmap("one_pixel.png"), options: strict)
        #expect(result.differentPixels == 1)
        #expect(result.antialiasedPixels == 0)
        #expect(result.changedBox == ImageComparison.Box(minX: 30, minY: 44, maxX: 30, maxY: 44))
        #expect(!result.passes)
        // The changed pixel is darker in the new image: ink gained, drawn blue (ink lost is red).
        #expect(result.diffImage.color(x: 30, y: 44) == PlotColor(red: 30, green: 100, blue: 230))
        #expect(result.summary == "1 pixel differs (0.033%), within x 30…30, y 44…44")
        #expect(result.decision == "differs: 1 px (0.033%); no difference is tolerated")
    }

    /// Each limit alone, and both together (both must hold); one pixel of 3000 differs.
    @Test(arguments: [
        (nil, nil, false, "differs: 1 px (0.033%); no difference is tolerated"),
        (0, nil, false, "exceeds tolerance: 1 px (0.033%) > 0 px"),
        (1, nil, true, "within tolerance: 1 px (0.033%) ≤ 1 px"),
        (nil, 0.0001, false, "exceeds tolerance: 1 px (0.033%) > 0.01%"),
        (nil, 0.001, true, "within tolerance: 1 px (0.033%) ≤ 0.1%"),
        (5, 0.0001, false, "exceeds tolerance: 1 px (0.033%) > 0.01%"),
        (0, 0.001, false, "exceeds tolerance: 1 px (0.033%) > 0 px"),
        (5, 0.001, true, "within tolerance: 1 px (0.033%) ≤ 5 px and 0.1%"),
    ] as [(Int?, Double?, Bool, String)])
    func allowances(maxPixels: Int?, maxFraction: Double?, passes: Bool, decision: String) throws {
        let options = ImageComparison.Options(maxDiffPixels: maxPixels, maxDiffFraction: maxFraction)
        let result = try ImageComparison.compare(
            expected: try fixturePixmap("base.png"), actual: try fixturePixmap("one_pixel.png"), options: options)
        #expect(result.passes == passes)
        #expect(result.decision == decision)
    }

    @Test func antialiasingShiftIsMostlyClassifiedAsAntialiasing() throws {
        let expected = try fixturePixmap("base.png"), actual = try fixturePixmap("aa_shift.png")
        let result = try ImageComparison.compare(expected: expected, actual: actual, options: strict)
        #expect(result.antialiasedPixels > 0)
        #expect(result.antialiasedPixels > 3 * result.differentPixels,
                "\(result.summary)")
        #expect(result.summary.contains("anti-aliasing"))
        // Anti-aliasing is drawn yellow, and real differences red (ink lost) or blue (ink gained).
        var yellow = 0, changed = 0
        for y in 0..<result.height {
            for x in 0..<result.width {
                let c = result.diffImage.color(x: x, y: y)
                if c == PlotColor(red: 255, green: 255, blue: 0) { yellow += 1 }
                if c == PlotColor(red: 230, green: 40, blue: 40) || c == PlotColor(red: 30, green: 100, blue: 230) { changed += 1 }
            }
        }
        #expect(yellow == result.antialiasedPixels)
        #expect(changed == result.differentPixels)
        let withoutDetection = try ImageComparison.compare(
            expected: expected, actual: actual, options: .init(detectAntialiasing: false))
        #expect(withoutDetection.antialiasedPixels == 0)
        #expect(withoutDetection.differentPixels == result.differentPixels + result.antialiasedPixels)
    }

    @Test(arguments: [
        ("color_slight.png", 0.0, false),
        ("color_slight.png", 0.1, true),
        ("color_strong.png", 0.1, false),
        ("color_strong.png", 0.3, false),
        // Red → blue of equal brightness is a YIQ distance of about 5300 < 35215 · 0.5².
        ("color_strong.png", 0.5, true),
    ])
    func colourThreshold(fixture: String, threshold: Double, passes: Bool) throws {
        let result = try ImageComparison.compare(
            expected: try fixturePixmap("base.png"), actual: try fixturePixmap(fixture),
            options: .init(threshold: threshold))
        #expect(result.passes == passes, "\(result.summary)")
        if !passes {
            // The rectangle spans x 6…25, y 6…21 (plus anti-aliased edges).
            let box = try #require(result.changedBox, "\(result.summary)")
            #expect(box.minX >= 5 && box.maxX <= 27 && box.minY >= 5 && box.maxY <= 23)
            #expect(result.differentPixels >= 200)
        }
    }

    @Test func sizeMismatchThrows() throws {
        let expected = try fixturePixmap("base.png"), actual = try fixturePixmap("size_65x48.png")
        do {
            _ = try ImageComparison.compare(expected: expected, actual: actual, options: strict)
            Issue.record("no error for different sizes")
        } catch {
            #expect(error.message == "size differs: expected 64×48, actual 65×48")
        }
    }

    /// Transparent black and opaque white look the same on white, but strict mode still sees them.
    @Test func strictModeSeesInvisibleByteChanges() throws {
        let transparent = Pixmap(width: 4, height: 4)
        let white = Pixmap(width: 4, height: 4, fill: .white)
        let strictResult = try ImageComparison.compare(expected: transparent, actual: white, options: strict)
        #expect(strictResult.differentPixels == 16)
        let tolerant = try ImageComparison.compare(
            expected: transparent, actual: white, options: .init(threshold: 0.01))
        #expect(tolerant.differentPixels == 0 && tolerant.passes)
    }

    @Test func emptyImagesCompare() throws {
        let result = try ImageComparison.compare(
            expected: Pixmap(width: 0, height: 0), actual: Pixmap(width: 0, height: 0), options: strict)
        #expect(result.passes && result.differentPixels == 0)
    }

    /// A change in a chart-sized image is found exactly (its speed is a benchmark, not a test).
    @Test func aChartSizedChangeIsFoundExactly() throws {
        let chart = syntheticChart()
        var changed = chart
        // A black 40-px dash in the white top margin: a real change, not anti-aliasing.
        for x in 100..<140 { for c in 0..<3 { changed.data[(10 * 800 + x) * 4 + c] = 0 } }
        let result = try ImageComparison.compare(expected: chart, actual: changed, options: strict)
        #expect(result.differentPixels == 40)
        #expect(result.changedBox == ImageComparison.Box(minX: 100, minY: 10, maxX: 139, maxY: 10))
    }
}

@Suite("Text diff")
struct TextDiffTests {
    @Test func theChangeIsCountedBeyondTheShownLines() throws {
        let a = (0..<1000).map { "old \($0)" }.joined(separator: "\n") + "\n"
        let b = (0..<1000).map { "new \($0)" }.joined(separator: "\n") + "\n"
        let result = try #require(TextDiff.compare(expected: a, actual: b, expectedName: "a", actualName: "b"))
        #expect(result.changedLines == 2000)
        let lines = result.text.split(separator: "\n")
        #expect(lines.count == 401)
        // 2 headers + 1 hunk header + 2000 changes, of which 400 lines are shown.
        #expect(lines.last == "… 1603 more diff lines not shown")
    }

    @Test(arguments: ["", "a\nb\n", "no newline", "é\n"])
    func equalTextGivesNil(text: String) {
        #expect(TextDiff.unified(expected: text, actual: text, expectedName: "a", actualName: "b") == nil)
    }

    @Test func changedLine() throws {
        let diff = try #require(TextDiff.unified(
            expected: "one\ntwo\nthree\nfour\n", actual: "one\nTWO\nthree\nfour\n",
            expectedName: "expected.svg", actualName: "actual.svg"))
        #expect(diff == """
            --- expected.svg
            +++ actual.svg
            @@ -1,4 +1,4 @@
             one
            -two
            +TWO
             three
             four

            """)
    }

    @Test(arguments: [
        ("a\n", "a", "\\ No newline at end of file"),
        ("a\nb\n", "a\nb\nc\n", "+c"),
        ("a\nb\nc\n", "a\nc\n", "-b"),
        ("", "x\n", "@@ -0,0 +1,1 @@"),
        ("e\u{301}\n", "\u{e9}\n", "+\u{e9}"),  // canonically equal, byte-different
    ])
    func detectsChanges(expected: String, actual: String, fragment: String) throws {
        let diff = try #require(TextDiff.unified(expected: expected, actual: actual, expectedName: "e", actualName: "a"))
        #expect(diff.contains(fragment), "\(diff)")
    }

    @Test func separateHunksAndContext() throws {
        let old = (1...30).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...30).map { "line \($0)" }
        lines[2] = "changed 3"
        lines[25] = "changed 26"
        let diff = try #require(TextDiff.unified(
            expected: old, actual: lines.joined(separator: "\n") + "\n", expectedName: "e", actualName: "a", context: 2))
        #expect(diff.contains("@@ -1,5 +1,5 @@"))
        #expect(diff.contains("@@ -24,5 +24,5 @@"))
        #expect(!diff.contains("line 10"))
    }

    @Test func outputIsCapped() throws {
        let old = (0..<2000).map { "a\($0)" }.joined(separator: "\n")
        let new = (0..<2000).map { "b\($0)" }.joined(separator: "\n")
        let diff = try #require(TextDiff.unified(expected: old, actual: new, expectedName: "e", actualName: "a"))
        let count = diff.split(separator: "\n").count
        #expect(count <= 402)
        #expect(diff.contains("more diff lines not shown"))
    }
}

@Suite("Text diff alignment")
struct TextDiffAlignmentTests {
    /// Myers' edit script must be a valid alignment: keeps pair equal lines, and the script walks
    /// both sequences in order, covering each element exactly once.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func editScriptIsValid(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let a = (0..<(200 + next(300))).map { _ in next(12) }
        var b = a
        for _ in 0..<next(40) {
            switch next(3) {
            case 0: if !b.isEmpty { b.remove(at: next(b.count)) }
            case 1: b.insert(next(12), at: next(b.count + 1))
            default: if !b.isEmpty { b[next(b.count)] = next(12) }
            }
        }
        let ops = TextDiff.align(a, b)
        var i = 0, j = 0, edits = 0
        for op in ops {
            switch op {
            case let .keep(x, y):
                #expect(x == i && y == j && a[x] == b[y])
                i += 1; j += 1
            case let .delete(x):
                #expect(x == i); i += 1; edits += 1
            case let .insert(y):
                #expect(y == j); j += 1; edits += 1
            }
        }
        #expect(i == a.count && j == b.count)
        // A shortest script never needs more edits than twice the number of mutations.
        #expect(edits <= 2 * 40)
    }

    @Test func largeFileWithScatteredChanges() throws {
        var lines = (0..<5000).map { "<path d=\"M\($0) 0\"/>" }
        let old = lines.joined(separator: "\n") + "\n"
        for k in stride(from: 100, to: 5000, by: 1000) { lines[k] = "<path d=\"changed\"/>" }
        let diff = try #require(TextDiff.unified(
            expected: old, actual: lines.joined(separator: "\n") + "\n", expectedName: "e", actualName: "a"))
        #expect(diff.components(separatedBy: "\n@@").count - 1 == 5)
        #expect(diff.contains("-<path d=\"M1100 0\"/>\n+<path d=\"changed\"/>"))
    }
}
