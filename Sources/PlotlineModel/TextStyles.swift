import PlotlineCore

/// The parts of a chart that carry text, each with its own style.
public enum TextRole: String, Sendable, Equatable, CaseIterable {
    /// The chart title.
    case title
    /// The line under the title.
    case subtitle
    /// The axes' titles.
    case axisTitle
    /// The numbers, dates and categories along the axes.
    case tickLabel
    /// The legend's entries.
    case legend
    /// Annotation text and labels.
    case annotation
}

/// How one role's text looks; nil fields keep the theme's.
public struct TextStyle: Sendable, Equatable {
    /// A font family found in the font folders.
    public var family: String?
    /// The size in CSS pixels.
    public var size: Double?
    /// Whether the text is bold (with the family's bold face where it has one).
    public var bold: Bool?
    /// The colour.
    public var color: PlotColor?

    /// Creates a style.
    public init(family: String? = nil, size: Double? = nil, bold: Bool? = nil, color: PlotColor? = nil) {
        self.family = family
        self.size = size
        self.bold = bold
        self.color = color
    }
}

/// A style per text role.
public struct TextStyles: Sendable, Equatable {
    /// The chart title (bold by default).
    public var title = TextStyle()
    /// The subtitle.
    public var subtitle = TextStyle()
    /// The axes' titles.
    public var axisTitle = TextStyle()
    /// The tick labels (their size defaults to `font.size`).
    public var tickLabel = TextStyle()
    /// The legend.
    public var legend = TextStyle()
    /// Annotations.
    public var annotation = TextStyle()

    /// No overrides.
    public init() {}

    /// The style of a role.
    public subscript(role: TextRole) -> TextStyle {
        get {
            switch role {
            case .title: title
            case .subtitle: subtitle
            case .axisTitle: axisTitle
            case .tickLabel: tickLabel
            case .legend: legend
            case .annotation: annotation
            }
        }
        set {
            switch role {
            case .title: title = newValue
            case .subtitle: subtitle = newValue
            case .axisTitle: axisTitle = newValue
            case .tickLabel: tickLabel = newValue
            case .legend: legend = newValue
            case .annotation: annotation = newValue
            }
        }
    }

    /// The font families the styles name, in role order, each once.
    public var families: [String] {
        var result: [String] = []
        for role in TextRole.allCases {
            if let f = self[role].family, !result.contains(f) { result.append(f) }
        }
        return result
    }
}
