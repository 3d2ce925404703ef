// Helpers for the scale tests: a seeded generator and a parser for the labels TickFormatter writes.
@testable import PlotlineScales
@_exported import PlotlineTestSupport

/// Reads a label back into a number: undoes "−", commas, M/B/T suffixes and "×10ⁿ" superscripts.
func parseLabel(_ label: String) -> Double? {
    var text = ""
    for ch in label {
        switch ch {
        case "\u{2212}": text.append("-")
        case ",": continue
        default: text.append(ch)
        }
    }
    var multiplier = 1.0
    if let times = text.firstIndex(of: "×") {
        let tail = text[text.index(after: times)...]
        guard tail.hasPrefix("10") else { return nil }
        let superscripts: [Character: Character] = [
            "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
        ]
        var exponent = ""
        for ch in tail.dropFirst(2) {
            guard let plain = superscripts[ch] else { return nil }
            exponent.append(plain)
        }
        guard let e = Int(exponent) else { return nil }
        multiplier = powerOfTen(e)
        text = String(text[..<times])
    } else if let last = text.last, let unit = ["M": 6, "B": 9, "T": 12][String(last)] {
        multiplier = powerOfTen(unit)
        text.removeLast()
    }
    guard let mantissa = Double(text) else { return nil }
    return mantissa * multiplier
}

/// The digits after the decimal point in a label's number part ("1.50B" → 2, "0" → 0).
func decimalPlaces(_ label: String) -> Int {
    guard let dot = label.firstIndex(of: ".") else { return 0 }
    return label[label.index(after: dot)...].prefix(while: \.isNumber).count
}
