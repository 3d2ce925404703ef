/// The JSON keys of each spec object, spelled once: lookups go through these enums, so a
/// misspelt key cannot compile. Cases are in documentation order, which suggestions follow.
protocol SpecKey: RawRepresentable<String>, CaseIterable, Sendable {}

/// Keys of the top-level chart object.
enum ChartKey: String, SpecKey {
    case schema = "$schema"
    case width, height, title, subtitle, description, id, background, theme, font, text, x, y, y2, legend, data, series, annotations
}

/// Keys of `text`: one style per role.
enum TextKey: String, SpecKey {
    case title, subtitle, axisTitle, tickLabel, legend, annotation
}

/// Keys of a text style.
enum TextStyleKey: String, SpecKey {
    case family, size, weight, color
}

/// Keys of `font`.
enum FontKey: String, SpecKey {
    case family, file, size
}

/// Keys of `x` and `y`.
enum AxisKey: String, SpecKey {
    case label, scale, domain, tickStep, tickCount, ticks, format, prefix, suffix, grid, sort
    case reverse, zero, nice, base, constant, clamp, utcOffset, unit, parse
}

/// Keys of an entry of an axis' `ticks` that gives a label.
enum TickKey: String, SpecKey {
    case value, label
}

/// Keys of the chart's shared `data` source.
enum SharedDataKey: String, SpecKey {
    case csv, delimiter
}

/// Keys of each series.
enum SeriesKey: String, SpecKey {
    case name, kind, axis, color, opacity, width, dash, x, y, data
    case interpolate, gaps, marker, size, stack, baseline, orientation, barWidth, bins, binWidth, binEdges
    case yError, yLower, yUpper

    /// The kinds of mark this key applies to; nil for every kind.
    var kinds: [MarkKind]? {
        switch self {
        case .name, .kind, .axis, .color, .opacity, .x, .data: nil
        case .y: [.line, .scatter, .bar, .area]
        case .width, .dash: [.line, .area]
        case .interpolate, .gaps: [.line]
        case .marker: [.line, .scatter]
        case .size: [.scatter]
        case .stack: [.bar, .area]
        case .baseline: [.area]
        case .orientation, .barWidth, .bins, .binWidth, .binEdges: [.bar]
        case .yError: [.line, .scatter, .bar]
        case .yLower, .yUpper: [.line, .scatter, .bar, .band]
        }
    }
}

/// Keys of a series' `data` object: the CSV file and the columns that stand in for inline arrays.
enum DataKey: String, SpecKey {
    case csv, delimiter, x, y, size, yError, yLower, yUpper

    /// The series key whose inline array this column replaces.
    var seriesKey: SeriesKey? {
        switch self {
        case .csv, .delimiter: nil
        case .x: .x
        case .y: .y
        case .size: .size
        case .yError: .yError
        case .yLower: .yLower
        case .yUpper: .yUpper
        }
    }
}

/// Keys of an annotation.
enum AnnotationKey: String, SpecKey {
    case type, x, y, y2, text, label, arrow, dx, dy, color, dash, opacity
}

/// Keys of a series' `marker` object.
enum MarkerKey: String, SpecKey {
    case shape, size, fill
}
