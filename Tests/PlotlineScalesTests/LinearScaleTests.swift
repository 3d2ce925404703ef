// The linear scale: mapping, inversion, reversed ranges and the degenerate cases that must not divide by zero.
import Testing
@testable import PlotlineScales

@Suite("Linear scale")
struct LinearScaleTests {
    @Test(arguments: [(0.0, 40.0), (800, 760), (400, 400), (200, 220), (-100, -50), (1000, 940)] as [(Double, Double)])
    func mapsAndInverts(_ value: Double, _ pixel: Double) {
        let scale = LinearScale(domain: 0...800, range: 40...760)
        // 720 px for 800 units: 0.9 px per unit.
        #expect(abs(scale.map(value) - pixel) < 1e-9)
        #expect(abs(scale.invert(pixel) - value) < 1e-9)
    }

    @Test("Reversed range: a y axis puts the domain's lower end at the bottom")
    func reversedRange() {
        let scale = LinearScale(domainLower: 50, domainUpper: 57, rangeLower: 300, rangeUpper: 20)
        #expect(scale.map(50) == 300)
        #expect(scale.map(57) == 20)
        #expect(scale.map(53.5) == 160)
        #expect(scale.invert(160) == 53.5)
    }

    @Test("Ends map exactly onto the range ends", arguments: [(0.1, 0.3), (-1e-9, 7e-9), (50.2, 56.7), (-3.5, -1.2)] as [(Double, Double)])
    func exactEnds(_ lower: Double, _ upper: Double) {
        let scale = LinearScale(domainLower: lower, domainUpper: upper, rangeLower: 12.5, rangeUpper: 987.25)
        #expect(scale.map(lower) == 12.5)
        #expect(scale.map(upper) == 987.25)
    }

    @Test("Equal domain ends map to the middle of the range", arguments: [5.0, 0, -1e300])
    func equalDomain(_ v: Double) {
        let scale = LinearScale(domainLower: v, domainUpper: v, rangeLower: 100, rangeUpper: 300)
        #expect(scale.map(v) == 200)
        #expect(scale.map(v + 1) == 200)
    }

    @Test("An empty range inverts to the middle of the domain")
    func equalRange() {
        let scale = LinearScale(domainLower: 0, domainUpper: 10, rangeLower: 50, rangeUpper: 50)
        #expect(scale.map(3) == 50)
        #expect(scale.invert(50) == 5)
    }

    @Test("Non-finite domain ends map to the middle of the range")
    func nonFiniteDomain() {
        let scale = LinearScale(domainLower: 0, domainUpper: .infinity, rangeLower: 0, rangeUpper: 100)
        #expect(scale.map(3) == 50)
    }

    @Test("A domain whose width overflows still maps")
    func overflowingWidth() {
        let scale = LinearScale(domainLower: -1e308, domainUpper: 1e308, rangeLower: 0, rangeUpper: 800)
        #expect(scale.map(0) == 400)
        #expect(scale.map(-1e308) == 0)
        #expect(scale.map(1e308) == 800)
        #expect(scale.map(5e307) == 600)
        #expect(scale.invert(600) == 5e307)
    }

    @Test("ticks(maxCount:) is Ticks.automatic on the domain")
    func ticks() {
        let scale = LinearScale(domainLower: 57, domainUpper: 50, rangeLower: 0, rangeUpper: 100)
        #expect(scale.ticks(maxCount: 5) == Ticks.automatic(lower: 50, upper: 57, maxCount: 5))
    }

    @Test("Scales are values: equal when their ends are equal")
    func hashable() {
        let a = LinearScale(domain: 0...1, range: 0...100)
        let b = LinearScale(domainLower: 0, domainUpper: 1, rangeLower: 0, rangeUpper: 100)
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
    }
}
