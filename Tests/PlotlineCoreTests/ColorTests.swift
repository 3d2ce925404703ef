import Testing
@testable import PlotlineCore

@Suite struct ColorTests {
    @Test(arguments: [
        ("lightcoral", PlotColor(red: 240, green: 128, blue: 128)),
        ("LightCoral", PlotColor(red: 240, green: 128, blue: 128)),
        ("#f08080", PlotColor(red: 240, green: 128, blue: 128)),
        ("#F08080", PlotColor(red: 240, green: 128, blue: 128)),
        ("#f00", PlotColor(red: 255, green: 0, blue: 0)),
        ("#f008", PlotColor(red: 255, green: 0, blue: 0, alpha: 0x88)),
        ("#11223344", PlotColor(red: 0x11, green: 0x22, blue: 0x33, alpha: 0x44)),
        (" red ", PlotColor(red: 255, green: 0, blue: 0)),
        ("transparent", PlotColor.transparent),
        ("rebeccapurple", PlotColor(rgb: 0x663399)),
    ])
    func parses(text: String, expected: PlotColor) {
        #expect(PlotColor(css: text) == expected)
    }

    @Test(arguments: ["", "#", "#12", "#12345", "#1234567", "#gggggg", "lightcorral", "rgb(1,2,3)", "</text>"])
    func rejects(text: String) {
        #expect(PlotColor(css: text) == nil)
    }

    @Test func suggestsNearestName() {
        #expect(PlotColor.suggestion(for: "lightcorral") == "lightcoral")
        #expect(PlotColor.suggestion(for: "gray50") == "gray")
        #expect(PlotColor.suggestion(for: "completely-unrelated-words") == nil)
    }

    @Test func namedTableIsSortedAndComplete() {
        #expect(cssNamedColors.count == 148)
        #expect(zip(cssNamedColors, cssNamedColors.dropFirst()).allSatisfy { $0.name < $1.name })
        for entry in cssNamedColors { #expect(PlotColor(css: entry.name) == PlotColor(rgb: entry.rgb)) }
    }

    @Test func hexRoundTrip() {
        #expect(PlotColor(rgb: 0x0a0b0c).hexRGB == "#0a0b0c")
    }
}

@Suite struct TransformTests {
    @Test func quarterTurnsAreExact() {
        let t = Transform.rotation(degrees: -90)
        #expect(t.apply(Point(1, 0)) == Point(0, -1))
        #expect(Transform.rotation(degrees: 90).apply(Point(1, 0)) == Point(0, 1))
    }

    @Test func concatenationAppliesLeftFirst() {
        let t = Transform.translation(1, 0).concatenating(.scale(2, 3))
        #expect(t.apply(Point(1, 1)) == Point(4, 3))
    }

    @Test func pixmapFillIsPremultiplied() {
        let p = Pixmap(width: 1, height: 1, fill: PlotColor(red: 255, green: 0, blue: 0, alpha: 128))
        #expect(p.data == [128, 0, 0, 128])
        #expect(p.color(x: 0, y: 0) == PlotColor(red: 255, green: 0, blue: 0, alpha: 128))
    }
}

@Suite struct ColorSuggestionLimitTests {
    @Test func aVeryLongStringGetsNoSuggestion() {
        #expect(PlotColor.suggestion(for: String(repeating: "a", count: 200_000)) == nil)
    }
}
