// Calendar ticks for time axes.
//
// The candidate intervals are d3-time's (d3/d3-scale src/time.js tickIntervals): 1, 5, 15, 30
// seconds; 1, 5, 15, 30 minutes; 1, 3, 6, 12 hours; 1 and 2 days; a week; 1 and 3 months; then
// years in nice steps (1, 2, 5, 10, …). The smallest interval that puts at most `maxCount` ticks in
// the domain wins, which is the budget rule the linear ticks use. Weeks start on Monday (ISO 8601).
// Labels follow d3's multi-scale time format: each tick is named by its coarsest boundary — a
// year ("2024"), a month ("Mar"), a day ("Mar 14"), a time of day ("14:30", "14:30:15") — and a
// day or time label gains the year where the year changes without a tick on 1 January.

/// Ticks on calendar boundaries for a time axis whose values are seconds since 1970 (UTC).
public enum TimeTicks {
    /// A tick interval: a unit and how many of it.
    enum Unit: Sendable, Equatable {
        case second, minute, hour, day, week, month, year
        /// The unit's length in seconds (months and years on average), for counting.
        var seconds: Double {
            switch self {
            case .second: 1
            case .minute: 60
            case .hour: 3600
            case .day: 86_400
            case .week: 604_800
            case .month: 2_629_746
            case .year: 31_556_952
            }
        }
    }

    static let intervals: [(Unit, Int)] = [
        (.second, 1), (.second, 5), (.second, 15), (.second, 30),
        (.minute, 1), (.minute, 5), (.minute, 15), (.minute, 30),
        (.hour, 1), (.hour, 3), (.hour, 6), (.hour, 12),
        (.day, 1), (.day, 2), (.week, 1), (.month, 1), (.month, 3),
    ]

    /// Month abbreviations, in English whatever the machine's locale.
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// At most `maxCount` ticks in [lower, upper] (seconds since 1970), placed and labelled in the
    /// local time `offset` seconds east of UTC.
    public static func ticks(lower: Double, upper: Double, maxCount: Int, offset: Int = 0) -> TickSet {
        let limit = CivilTime.maximumSeconds
        guard lower.isFinite, upper.isFinite else { return .empty }
        let lo = min(max(min(lower, upper), -limit), limit), hi = min(max(max(lower, upper), -limit), limit)
        let budget = min(max(maxCount, 2), Ticks.maximumTickCount)
        var fallback: [Double]?
        for (unit, step) in intervals where (hi - lo) / (unit.seconds * Double(step)) <= Double(budget) * 1.5 + 2 {
            let values = generate(unit, step, lo, hi, offset: offset)
            if values.count <= budget, values.count >= 2 { return TickSet(values: values, step: unit.seconds * Double(step), labels: labels(values, offset: offset)) }
            if values.count <= budget, fallback == nil { fallback = values }
        }
        // Years in nice whole steps: the linear tick rule on the years whose 1 January lies inside.
        let start = CivilTime(secondsSinceEpoch: lo + Double(offset))
        let startsOnNewYear = start.month == 1 && start.day == 1 && start.hour == 0 && start.minute == 0 && start.second == 0
        let y0 = Double(start.year + (startsOnNewYear ? 0 : 1))
        let y1 = Double(CivilTime(secondsSinceEpoch: hi + Double(offset)).year)
        let years = Ticks.automatic(lower: y0, upper: max(y0, y1), maxCount: budget, integers: true)
        let stepYears = max(years.step.rounded(), 1)
        var values: [Double] = []
        for y in years.values where y == y.rounded() {
            let t = Double(CivilTime.days(year: Int(y), month: 1, day: 1)) * 86_400 - Double(offset)
            if t >= lo, t <= hi { values.append(t) }
        }
        if values.count >= 2 || fallback == nil {
            return TickSet(values: values, step: stepYears * Unit.year.seconds, labels: labels(values, offset: offset))
        }
        let one = fallback ?? []
        return TickSet(values: one, step: Unit.day.seconds, labels: labels(one, offset: offset))
    }

    /// Every boundary of `step` units in [lo, hi].
    static func generate(_ unit: Unit, _ step: Int, _ lo: Double, _ hi: Double, offset: Int) -> [Double] {
        let shift = Double(offset)
        var values: [Double] = []
        switch unit {
        case .second, .minute, .hour:
            // Fixed-length units align on multiples of their length since a local midnight.
            let size = unit.seconds * Double(step)
            var t = ((lo + shift) / size).rounded(.up) * size
            while t <= hi + shift, values.count <= Ticks.maximumTickCount {
                values.append(t - shift)
                t += size
            }
        case .day, .week:
            var days = Int(((lo + shift) / 86_400).rounded(.up))
            let last = Int(((hi + shift) / 86_400).rounded(.down))
            if unit == .week {
                let weekday = CivilTime(secondsSinceEpoch: Double(days) * 86_400).weekday
                days += (7 - weekday) % 7
            }
            while days <= last, values.count <= Ticks.maximumTickCount {
                let date = CivilTime.date(days: days)
                // Two-day steps restart each month on odd days, as d3's timeDay.every(2) does.
                if unit == .week || step == 1 || (date.day - 1) % step == 0 { values.append(Double(days) * 86_400 - shift) }
                days += unit == .week ? 7 : 1
            }
        case .month:
            let start = CivilTime(secondsSinceEpoch: lo + shift)
            var (y, m) = (start.year, start.month)
            while values.count <= Ticks.maximumTickCount {
                let t = Double(CivilTime.days(year: y, month: m, day: 1)) * 86_400 - shift
                if t > hi { break }
                if t >= lo, (m - 1) % step == 0 { values.append(t) }
                m += 1
                if m > 12 { m = 1; y += 1 }
            }
        case .year:
            break
        }
        return values
    }

    /// Each tick named by its coarsest calendar boundary, with the year where it changes unseen.
    public static func labels(_ values: [Double], offset: Int = 0) -> [String] {
        var lastDateYear: Int?
        let yearTicked = values.contains { t in
            let c = CivilTime(secondsSinceEpoch: t + Double(offset))
            return c.month == 1 && c.day == 1 && c.hour == 0 && c.minute == 0 && c.second == 0
        }
        return values.map { t in
            let c = CivilTime(secondsSinceEpoch: t + Double(offset))
            let twoDigits = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
            let label: String
            if c.second != 0 {
                label = "\(twoDigits(c.hour)):\(twoDigits(c.minute)):\(twoDigits(Int(c.second)))"
            } else if c.hour != 0 || c.minute != 0 {
                label = "\(twoDigits(c.hour)):\(twoDigits(c.minute))"
            } else if c.day != 1 {
                label = "\(months[c.month - 1]) \(c.day)"
            } else if c.month != 1 {
                label = months[c.month - 1]
            } else {
                return String(c.year)
            }
            // Without a tick on 1 January, dates say their year on the first tick and where it changes.
            let isDate = c.second == 0 && c.hour == 0 && c.minute == 0
            guard isDate else { return label }
            defer { lastDateYear = c.year }
            if !yearTicked, lastDateYear != c.year { return label + " " + String(c.year) }
            return label
        }
    }
}
