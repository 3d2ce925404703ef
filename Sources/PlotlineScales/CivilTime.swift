// Calendar arithmetic and ISO 8601 parsing without Foundation, so dates read and print the same
// on every machine and in every locale.
//
// Days ↔ civil dates follow Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms"
// (days_from_civil and civil_from_days): the proleptic Gregorian calendar, with years shifted to
// start in March so the leap day falls at the end, and 400-year eras of 146097 days.

/// A date and time of day in the proleptic Gregorian calendar.
public struct CivilTime: Sendable, Hashable {
    /// The year (astronomical: 0 is 1 BC).
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31.
    public var day: Int
    /// Hours, 0…23.
    public var hour: Int
    /// Minutes, 0…59.
    public var minute: Int
    /// Seconds with their fraction, 0 ≤ second < 60.
    public var second: Double

    /// Creates a civil time.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The largest |seconds| from 1970 accepted: about ±9999 years, far inside Int64 and exact in a Double.
    public static let maximumSeconds: Double = 253_402_300_800

    /// Days from 1970-01-01 to the given date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Seconds since 1970-01-01T00:00:00 of this civil time read in UTC.
    public var secondsSinceEpoch: Double {
        Double(CivilTime.days(year: year, month: month, day: day)) * 86_400 + Double(hour * 3600 + minute * 60) + second
    }

    /// The civil time `seconds` after the epoch, for seconds within ``maximumSeconds``.
    public init(secondsSinceEpoch seconds: Double) {
        let s = min(max(seconds, -CivilTime.maximumSeconds), CivilTime.maximumSeconds)
        let days = (s / 86_400).rounded(.down)
        let rest = s - days * 86_400
        let date = CivilTime.date(days: Int(days))
        let whole = Int(rest.rounded(.down))
        self.init(year: date.year, month: date.month, day: date.day, hour: whole / 3600, minute: whole / 60 % 60,
                  second: Double(whole % 60) + (rest - Double(whole)))
    }

    /// The day of the week, 0 for Monday … 6 for Sunday (ISO 8601).
    public var weekday: Int {
        let d = CivilTime.days(year: year, month: month, day: day)
        return ((d % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
    }
}

/// ISO 8601 dates and date-times as seconds since 1970 (UTC).
public enum ISO8601 {
    /// Why a value is not an ISO 8601 date.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// Parses `2024-03-01`, `2024-03-01T14:30`, `2024-03-01T14:30:00Z`, `2024-03-01 14:30:00.5+02:00`
    /// (`T` or a space between date and time; `Z`, `±HH:MM`, `±HHMM` or `±HH` for the offset).
    /// A value without an offset is read at `defaultOffset` seconds east of UTC.
    public static func parse(_ text: String, defaultOffset: Int = 0) throws(ParseError) -> Double {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int, _ what: String) throws(ParseError) -> Int {
            guard i + n <= b.count else { throw ParseError(description: "ends before the \(what)") }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { throw ParseError(description: "expected the \(what) as \(n) digits") }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8, _ what: String) throws(ParseError) {
            guard i < b.count, b[i] == c else { throw ParseError(description: "expected \(what)") }
            i += 1
        }
        guard !b.isEmpty else { throw ParseError(description: "is empty; expected a date such as 2024-03-01") }
        let year = try digits(4, "year")
        try expect(45, "\"-\" after the year; use YYYY-MM-DD")
        let month = try digits(2, "month")
        try expect(45, "\"-\" after the month; use YYYY-MM-DD")
        let day = try digits(2, "day")
        guard (1...12).contains(month) else { throw ParseError(description: "month \(month) is not 1 to 12") }
        guard (1...CivilTime.daysInMonth(year: year, month: month)).contains(day) else {
            throw ParseError(description: "day \(day) is not in \(year)-\(month < 10 ? "0" : "")\(month)")
        }
        var time = CivilTime(year: year, month: month, day: day)
        var offset = defaultOffset
        if i < b.count, b[i] == 84 || b[i] == 32 {  // "T" or " "
            i += 1
            time.hour = try digits(2, "hour")
            try expect(58, "\":\" after the hour")
            time.minute = try digits(2, "minute")
            if i < b.count, b[i] == 58 {
                i += 1
                var second = Double(try digits(2, "second"))
                if i < b.count, b[i] == 46 || b[i] == 44 {  // a decimal point or comma
                    i += 1
                    var scale = 0.1
                    let start = i
                    while i < b.count, b[i] >= 48, b[i] <= 57, i - start < 9 {
                        second += Double(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > start else { throw ParseError(description: "expected digits after the decimal point of the seconds") }
                }
                time.second = second
            }
            guard time.hour <= 23, time.minute <= 59, time.second < 60 else {
                throw ParseError(description: "the time of day is out of range")
            }
            if i < b.count {
                if b[i] == 90 || b[i] == 122 {  // "Z"
                    offset = 0
                    i += 1
                } else if b[i] == 43 || b[i] == 45 {  // "+" or "-"
                    let sign = b[i] == 45 ? -1 : 1
                    i += 1
                    let hours = try digits(2, "offset's hours")
                    var minutes = 0
                    if i < b.count, b[i] == 58 { i += 1 }
                    if i < b.count { minutes = try digits(2, "offset's minutes") }
                    guard hours <= 18, minutes <= 59 else { throw ParseError(description: "the offset is out of range") }
                    offset = sign * (hours * 3600 + minutes * 60)
                }
            }
        }
        guard i == b.count else { throw ParseError(description: "unexpected text after the date; use forms such as 2024-03-01 or 2024-03-01T14:30:00Z") }
        return time.secondsSinceEpoch - Double(offset)
    }

    /// `2024-03-01T14:30:00Z`: seconds since 1970 written back in ISO 8601 (UTC), with as many
    /// decimals of the second as it needs (up to nine), so that `parse` returns the same value.
    public static func format(_ seconds: Double) -> String {
        let c = CivilTime(secondsSinceEpoch: seconds)
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n.magnitude)
            return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(Int(c.second), 2))"
        var fraction = c.second - c.second.rounded(.down)
        if fraction > 0 {
            // Nanoseconds, trailing zeros dropped.
            var nanos = Int((fraction * 1e9).rounded())
            if nanos >= 1_000_000_000 { nanos = 999_999_999 }
            var digits = pad(nanos, 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
            fraction = 0
        }
        return text + "Z"
    }

    /// Parses a fixed offset: `Z`, `UTC`, `+02:00`, `-0530`, `+01`.
    public static func offset(_ text: String) -> Int? {
        if text == "Z" || text == "UTC" { return 0 }
        let b = Array(text.utf8)
        guard b.count >= 3, b[0] == 43 || b[0] == 45 else { return nil }
        let digits = b.dropFirst().filter { $0 != 58 }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let n = digits.map { Int($0 - 48) }
        let hours = n[0] * 10 + n[1], minutes = n.count == 4 ? n[2] * 10 + n[3] : 0
        guard hours <= 18, minutes <= 59 else { return nil }
        return (b[0] == 45 ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
