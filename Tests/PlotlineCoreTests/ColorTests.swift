import Testing
@testable import PlotlineCore

@Suite struct ColorTests {
    @Test(arguments: [
        ("lightcoral", Color(red: 240, green: 128, blue: 128)),
        ("LightCoral", Color(red: 240, green: 128, blue: 128)),
        ("#f08080", Color(red: 240, green: 128, blue: 128)),
        ("#F08080", Color(red: 240, green: 128, blue: 128)),
        ("#f00", Color(red: 255, green: 0, blue: 0)),
        ("#f008", Color(red: 255, green: 0, blue: 0, alpha: 0x88)),
        ("#11223344", Color(red: 0x11, green: 0x22, blue: 0x33, alpha: 0x44)),
        (" red ", Color(red: 255, green: 0, blue: 0)),
        ("transparent", Color.transparent),
        ("rebeccapurple", Color(rgb: 0x663399)),
    ])
    func parses(text: String, expected: Color) {
        #expect(Color(css: text) == expected)
    }

    @Test(arguments: ["", "#", "#12", "#12345", "#1234567", "#gggggg", "lightcorral", "rgb(1,2,3)", "</text>"])
    func rejects(text: String) {
        #expect(Color(css: text) == nil)
    }

    @Test func suggestsNearestName() {
        #expect(Color.suggestion(for: "lightcorral") == "lightcoral")
        #expect(Color.suggestion(for: "gray50") == nil || Color.suggestion(for: "gray50") == "gray")
        #expect(Color.suggestion(for: "completely-unrelated-words") == nil)
    }

    @Test func namedTableIsSortedAndComplete() {
        #expect(cssNamedColors.count == 148)
        #expect(zip(cssNamedColors, cssNamedColors.dropFirst()).allSatisfy { $0.name < $1.name })
        for entry in cssNamedColors { #expect(Color(css: entry.name) == Color(rgb: entry.rgb)) }
    }

    @Test func hexRoundTrip() {
        #expect(Color(rgb: 0x0a0b0c).hexRGB == "#0a0b0c")
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
        let p = Pixmap(width: 1, height: 1, fill: Color(red: 255, green: 0, blue: 0, alpha: 128))
        #expect(p.data == [128, 0, 0, 128])
        #expect(p.color(x: 0, y: 0) == Color(red: 255, green: 0, blue: 0, alpha: 128))
    }
}

@Suite struct ColorSuggestionLimitTests {
    @Test func aVeryLongStringGetsNoSuggestion() {
        #expect(Color.suggestion(for: String(repeating: "a", count: 200_000)) == nil)
    }
}
