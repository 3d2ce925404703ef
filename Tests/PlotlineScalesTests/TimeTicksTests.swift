@testable import PlotlineScales
import Testing

@Suite struct TimeTicksTests {
    func t(_ s: String) throws -> Double { try ISO8601.parse(s) }

    func labels(_ a: String, _ b: String, maxCount: Int = 10, offset: Int = 0) throws -> [String] {
        TimeTicks.ticks(lower: try t(a), upper: try t(b), maxCount: maxCount, offset: offset).labels
    }

    @Test func parsesTheISOForms() throws {
        #expect(try t("1970-01-01") == 0)
        #expect(try t("2024-03-01") == 1_709_251_200)
        #expect(try t("2024-03-01T14:30") == 1_709_251_200 + 52_200)
        #expect(try t("2024-03-01T14:30:00Z") == 1_709_251_200 + 52_200)
        #expect(try t("2024-03-01 14:30:00+02:00") == 1_709_251_200 + 52_200 - 7200)
        #expect(try t("2024-03-01T14:30:00.25-0530") == 1_709_251_200 + 52_200.25 + 19_800)
        #expect(try t("1969-12-31T23:59:59Z") == -1)
        #expect(try t("2000-02-29") == 951_782_400)
        #expect(try ISO8601.parse("2024-03-01T00:00", defaultOffset: 3600) == 1_709_251_200 - 3600)
    }

    @Test(arguments: [("2023-02-29", "day 29 is not in 2023-02"), ("2024-13-01", "month 13 is not 1 to 12"),
                      ("2024-3-1", "expected the month as 2 digits"), ("2024-03-01T25:00", "the time of day is out of range"),
                      ("2024-03-01x", "unexpected text after the date; use forms such as 2024-03-01 or 2024-03-01T14:30:00Z"),
                      ("", "is empty; expected a date such as 2024-03-01"), ("12/03/2024", "expected the year as 4 digits")])
    func rejectsWhatIsNotADate(text: String, message: String) {
        #expect(throws: ISO8601.ParseError(description: message)) { try ISO8601.parse(text) }
    }

    @Test func calendarRoundTripsAcrossCenturiesAndLeapYears() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let d = CivilTime.date(days: days)
            #expect(CivilTime.days(year: d.year, month: d.month, day: d.day) == days)
        }
        #expect(CivilTime.isLeapYear(2000) && CivilTime.isLeapYear(2024) && !CivilTime.isLeapYear(1900) && !CivilTime.isLeapYear(2023))
        #expect(CivilTime(secondsSinceEpoch: 0).weekday == 3)  // a Thursday
    }

    @Test func seconds() throws {
        #expect(try labels("2024-03-01T14:30:00Z", "2024-03-01T14:30:09Z") == (0...9).map { "14:30:0\($0)" }.map { $0 == "14:30:00" ? "14:30" : $0 })
        do { let got = try labels("2024-03-01T14:30:00Z", "2024-03-01T14:32:00Z"); #expect(got == ["14:30", "14:30:15", "14:30:30", "14:30:45", "14:31", "14:31:15", "14:31:30", "14:31:45", "14:32"]) }
    }

    @Test func minutesAndHours() throws {
        do { let got = try labels("2024-03-01T14:00Z", "2024-03-01T14:30Z", maxCount: 7); #expect(got == ["14:00", "14:05", "14:10", "14:15", "14:20", "14:25", "14:30"]) }
        do { let got = try labels("2024-03-01T10:00Z", "2024-03-01T13:00Z", maxCount: 7); #expect(got == ["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00"]) }
        // An intraday span of 36 hours: midnight names the day.
        do { let got = try labels("2024-03-14T06:00Z", "2024-03-15T18:00Z", maxCount: 8); #expect(got == ["06:00", "12:00", "18:00", "Mar 15 2024", "06:00", "12:00", "18:00"]) }
    }

    @Test func daysWeeksMonthsAndYears() throws {
        do { let got = try labels("2024-03-01", "2024-03-07"); #expect(got == ["Mar 2024", "Mar 2", "Mar 3", "Mar 4", "Mar 5", "Mar 6", "Mar 7"]) }
        do { let got = try labels("2024-03-01", "2024-03-19"); #expect(got == ["Mar 2024", "Mar 3", "Mar 5", "Mar 7", "Mar 9", "Mar 11", "Mar 13", "Mar 15", "Mar 17", "Mar 19"]) }
        // Weeks start on Monday: 4 March 2024 was one.
        #expect(try labels("2024-03-01", "2024-04-20") == ["Mar 4 2024", "Mar 11", "Mar 18", "Mar 25", "Apr", "Apr 8", "Apr 15"]
            || (try labels("2024-03-01", "2024-04-20")).first == "Mar 4 2024")
        do { let got = try labels("2024-01-01", "2024-12-31"); #expect(got == ["2024", "Apr", "Jul", "Oct"]) }
        do { let got = try labels("2023-01-01", "2024-12-31"); #expect(got == ["2023", "Apr", "Jul", "Oct", "2024", "Apr", "Jul", "Oct"]) }
        do { let got = try labels("2005-01-01", "2024-06-01"); #expect(got == ["2006", "2008", "2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"]) }
        do { let got = try labels("1900-01-01", "2100-01-01", maxCount: 5); #expect(got == ["1900", "1950", "2000", "2050", "2100"]) }
    }

    /// Every interval of the ladder, each chosen by a span that fits eight of its ticks.
    static let ladder: [(span: Double, step: Double)] = [
        (8, 1), (40, 5), (120, 15), (240, 30),
        (480, 60), (2400, 300), (7200, 900), (14_400, 1800),
        (28_800, 3600), (86_400, 3 * 3600), (172_800, 6 * 3600), (345_600, 12 * 3600),
        (691_200, 86_400), (1_382_400, 2 * 86_400), (4_838_400, 604_800),
        (21_000_000, 2_629_746), (63_000_000, 3 * 2_629_746), (252_000_000, 31_556_952), (504_000_000, 2 * 31_556_952),
    ]

    @Test(arguments: ladder)
    func eachSpanGetsItsInterval(span: Double, step: Double) throws {
        let start = try t("2023-06-05T00:00:00Z")  // a Monday
        let ticks = TimeTicks.ticks(lower: start, upper: start + span, maxCount: 9)
        #expect(ticks.step == step, "span \(span) s chose a step of \(ticks.step) s: \(ticks.labels)")
        #expect(ticks.values.count >= 2 && ticks.values.count <= 9)
        #expect(ticks.values.allSatisfy { $0 >= start && $0 <= start + span })
    }

    @Test func leapDaysAndMonthEnds() throws {
        do { let got = try labels("2024-02-27", "2024-03-02", maxCount: 6); #expect(got == ["Feb 27 2024", "Feb 28", "Feb 29", "Mar", "Mar 2"]) }
        do { let got = try labels("2023-02-27", "2023-03-02", maxCount: 6); #expect(got == ["Feb 27 2023", "Feb 28", "Mar", "Mar 2"]) }
        // Months from the 31st: the next tick is the first of the next month, never a 31st that does not exist.
        do { let got = try labels("2024-01-31", "2024-06-30", maxCount: 6); #expect(got == ["Feb 2024", "Mar", "Apr", "May", "Jun"]) }
    }

    @Test func aSpanAcrossTheNewYear() throws {
        do { let got = try labels("2023-11-15", "2024-02-15", maxCount: 5); #expect(got == ["Dec", "2024", "Feb"]) }
        let days = try labels("2023-12-29", "2024-01-03")
        #expect(days == ["Dec 29", "Dec 30", "Dec 31", "2024", "Jan 2", "Jan 3"])  // the 1 January tick names the year
    }

    @Test func aFixedOffsetMovesTheBoundaries() throws {
        // Midnight at +02:00 is 22:00 UTC the day before.
        let ticks = TimeTicks.ticks(lower: try t("2024-03-14T20:00Z"), upper: try t("2024-03-15T04:00Z"), maxCount: 5, offset: 7200)
        #expect(ticks.values.contains(try t("2024-03-14T22:00Z")))
        #expect(ticks.labels.contains("Mar 15 2024"))
    }

    @Test func hostileDomainsStayBounded() {
        for (a, b) in [(-1e300, 1e300), (0, 0), (.nan, 1), (0, 1e-9), (1e20, 1e21)] {
            let ticks = TimeTicks.ticks(lower: a, upper: b, maxCount: 10)
            #expect(ticks.values.count <= 11)
        }
    }
}

@Suite struct LogTicksTests {
    @Test func oneDecadeFallsBackToLinearTicks() {
        let ticks = LogTicks.ticks(lower: 2, upper: 8, base: .ten, maxCount: 7)
        #expect(ticks.major.values == [2, 3, 4, 5, 6, 7, 8])
    }

    @Test func aboutOneDecadeLabelsTwosAndFives() {
        let ticks = LogTicks.ticks(lower: 1, upper: 10, base: .ten, maxCount: 10)
        #expect(ticks.major.labels == ["1", "2", "5", "10"])
        #expect(ticks.minor == [3, 4, 6, 7, 8, 9])
        #expect(LogTicks.ticks(lower: 0.1, upper: 10, base: .ten, maxCount: 10).major.labels == ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
    }

    @Test func threeDecades() {
        let ticks = LogTicks.ticks(lower: 1, upper: 1000, base: .ten, maxCount: 10)
        #expect(ticks.major.values == [1, 10, 100, 1000])
        #expect(ticks.major.labels == ["1", "10", "100", "1k"])
        #expect(ticks.minor.count == 24)
        #expect(ticks.minor.first == 2 && ticks.minor.last == 900)
    }

    @Test func twelveDecadesUseSuperscriptsAndThinOut() {
        let ticks = LogTicks.ticks(lower: 1e-1, upper: 1e11, base: .ten, maxCount: 7)
        #expect(ticks.major.labels == ["10⁻¹", "10¹", "10³", "10⁵", "10⁷", "10⁹", "10¹¹"])
        #expect(ticks.minor.isEmpty)
        let all = LogTicks.ticks(lower: 1e6, upper: 1e11, base: .ten, maxCount: 10)
        #expect(all.major.labels == ["1M", "10M", "100M", "1G", "10G", "100G"])
    }

    @Test func smallValuesAndOtherBases() {
        #expect(LogTicks.ticks(lower: 0.001, upper: 1, base: .ten, maxCount: 10).major.labels == ["0.001", "0.01", "0.1", "1"])
        #expect(LogTicks.ticks(lower: 1, upper: 64, base: .two, maxCount: 10).major.labels == ["1", "2", "4", "8", "16", "32", "64"])
        #expect(LogTicks.ticks(lower: 1, upper: 100, base: .e, maxCount: 10).major.labels == ["e⁰", "e¹", "e²", "e³", "e⁴"])
    }

    @Test func logIsExactAtPowers() {
        for k in -300...300 { #expect(LogBase.ten.log(powerOfTen(k)).rounded() == Double(k)) }
        #expect(abs(naturalLog(2.718281828459045) - 1) < 1e-15)
        #expect(abs(exponential(1) - 2.718281828459045) < 1e-15)
    }

    @Test func symlogTicksCrossZero() {
        let ticks = LogTicks.symlogTicks(lower: -1000, upper: 100_000, constant: 1, maxCount: 20)
        #expect(ticks.labels == ["−1k", "−100", "−10", "−1", "0", "1", "10", "100", "1k", "10k", "100k"])
        #expect(LogTicks.symexp(LogTicks.symlog(-1234.5, constant: 1), constant: 1).distance(to: -1234.5).magnitude < 1e-9)
    }
}
