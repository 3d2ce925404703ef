/// How a fill decides which regions of a self-overlapping path are inside.
public enum FillRule: String, Sendable, Hashable {
    /// Inside where the winding number is not zero (SVG `nonzero`).
    case nonZero = "nonzero"
    /// Inside where the winding number is odd (SVG `evenodd`).
    case evenOdd = "evenodd"
}

/// The shape drawn at the open ends of a stroke.
public enum LineCap: String, Sendable, Hashable {
    /// The stroke stops exactly at the end point.
    case butt
    /// A half-disc of the stroke's width is added at each end.
    case round
    /// A half-square of the stroke's width is added at each end.
    case square
}

/// The shape drawn where two stroked segments meet.
public enum LineJoin: String, Sendable, Hashable {
    /// Sharp corner, cut to a bevel beyond the miter limit.
    case miter
    /// Rounded corner.
    case round
    /// Corner cut straight across.
    case bevel
}

/// A solid fill.
public struct Fill: Sendable, Hashable {
    /// The fill colour.
    public var color: PlotColor
    /// The fill rule; non-zero by default.
    public var rule: FillRule

    /// Creates a fill.
    public init(color: PlotColor, rule: FillRule = .nonZero) {
        self.color = color
        self.rule = rule
    }
}

/// A solid stroke with SVG semantics.
public struct Stroke: Sendable, Hashable {
    /// The stroke colour.
    public var color: PlotColor
    /// Width in pixels.
    public var width: Double
    /// End cap; butt by default.
    public var cap: LineCap
    /// Corner join; miter by default.
    public var join: LineJoin
    /// Miter limit as a ratio of miter length to stroke width; 4 by default, as in SVG.
    public var miterLimit: Double
    /// Alternating dash and gap lengths in pixels; empty for a solid stroke.
    public var dash: [Double]
    /// Distance into the dash pattern at which the stroke starts, in pixels.
    public var dashOffset: Double

    /// Creates a stroke.
    public init(color: PlotColor, width: Double = 1, cap: LineCap = .butt, join: LineJoin = .miter,
                miterLimit: Double = 4, dash: [Double] = [], dashOffset: Double = 0) {
        self.color = color
        self.width = width
        self.cap = cap
        self.join = join
        self.miterLimit = miterLimit
        self.dash = dash
        self.dashOffset = dashOffset
    }
}

/// A path with an optional fill and an optional stroke; the fill is painted first.
public struct ScenePath: Sendable, Hashable {
    /// Geometry in pixel space.
    public var path: PlotPath
    /// The fill, or nil for none.
    public var fill: Fill?
    /// The stroke, or nil for none.
    public var stroke: Stroke?

    /// Creates a path primitive.
    public init(path: PlotPath, fill: Fill? = nil, stroke: Stroke? = nil) {
        self.path = path
        self.fill = fill
        self.stroke = stroke
    }
}

/// Where a text run's origin sits along its advance.
public enum TextAnchor: String, Sendable, Hashable {
    /// The origin is at the start of the text.
    case start
    /// The origin is at the middle of the text.
    case middle
    /// The origin is at the end of the text.
    case end
}

/// A font as named in the output: family, size and weight.
public struct FontDescriptor: Sendable, Hashable {
    /// Family name as writers should name it (e.g. "DejaVu Sans").
    public var family: String
    /// Size in pixels (the em size).
    public var size: Double
    /// Whether the face is bold.
    public var bold: Bool

    /// Creates a font descriptor.
    public init(family: String, size: Double, bold: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
    }
}

/// A run of text on one line, resolved by the layout down to its glyph outlines.
///
/// Writers that keep text as text use `text`, `origin`, `anchor`, `rotation` and `font`; writers
/// that draw shapes fill `glyphs`, which already includes anchoring and rotation, so both agree.
public struct SceneText: Sendable, Hashable {
    /// The text itself, unescaped.
    public var text: String
    /// The anchor point on the baseline, in pixels.
    public var origin: Point
    /// Which part of the run sits at `origin`.
    public var anchor: TextAnchor
    /// Rotation about `origin` in degrees, clockwise on screen (−90 reads bottom to top).
    public var rotation: Double
    /// The font used to lay the text out.
    public var font: FontDescriptor
    /// The text colour.
    public var color: PlotColor
    /// The glyph outlines in pixel space, positioned, anchored and rotated; filled non-zero.
    public var glyphs: PlotPath

    /// Creates a text run.
    public init(text: String, origin: Point, anchor: TextAnchor = .start, rotation: Double = 0,
                font: FontDescriptor, color: PlotColor, glyphs: PlotPath) {
        self.text = text
        self.origin = origin
        self.anchor = anchor
        self.rotation = rotation
        self.font = font
        self.color = color
        self.glyphs = glyphs
    }
}

/// What a group of primitives is, so writers can label it (the SVG writer turns it into CSS classes).
public enum SceneRole: Sendable, Hashable {
    /// Nothing in particular: the group only clips or collects.
    case plain
    /// The gridlines behind the data.
    case grid
    /// All data marks, clipped to the plot area.
    case data
    /// One data series, numbered from 0 in spec order.
    case series(Int)
    /// Error bars of a series.
    case errorBars
    /// The line at zero that bars and areas stand on.
    case zeroLine
    /// Notes on the chart: shaded ranges, reference lines, labelled points.
    case annotations
    /// The horizontal axis: line, ticks, labels and title.
    case axisX
    /// The vertical axis: line, ticks, labels and title.
    case axisY
    /// The second vertical axis, on the right.
    case axisY2
    /// The chart title and subtitle.
    case title
    /// The legend.
    case legend
}

/// A group of primitives with a role, optionally clipped to a rectangle.
public struct SceneGroup: Sendable, Hashable {
    /// What the group is; writers expose it (the SVG writer as CSS classes).
    public var role: SceneRole
    /// A clip rectangle in pixels, or nil for none.
    public var clip: Rect?
    /// The children in painting order.
    public var nodes: [SceneNode]

    /// Creates a group.
    public init(role: SceneRole, clip: Rect? = nil, nodes: [SceneNode] = []) {
        self.role = role
        self.clip = clip
        self.nodes = nodes
    }
}

/// One primitive of a ``PlotScene``.
public indirect enum SceneNode: Sendable, Hashable {
    /// A filled and/or stroked path.
    case path(ScenePath)
    /// A text run.
    case text(SceneText)
    /// A group of nodes.
    case group(SceneGroup)
}

/// A chart resolved to absolute pixel geometry: the display list every writer walks.
///
/// The PlotScene carries no data and no axes, only shapes, text and the words that describe the
/// figure to assistive technology.
public struct PlotScene: Sendable, Hashable {
    /// Canvas width in CSS pixels.
    public var width: Double
    /// Canvas height in CSS pixels.
    public var height: Double
    /// The canvas colour; `.transparent` leaves the background empty.
    public var background: PlotColor
    /// A short title for assistive technology (SVG `<title>`).
    public var title: String
    /// A sentence or two saying what is plotted (SVG `<desc>`).
    public var description: String
    /// A prefix for every id a writer emits, unique per chart.
    public var idPrefix: String
    /// Top-level nodes in painting order.
    public var nodes: [SceneNode]

    /// Creates a scene.
    public init(width: Double, height: Double, background: PlotColor = .white, title: String = "",
                description: String = "", idPrefix: String = "plotline", nodes: [SceneNode] = []) {
        self.width = width
        self.height = height
        self.background = background
        self.title = title
        self.description = description
        self.idPrefix = idPrefix
        self.nodes = nodes
    }
}

extension PlotScene {
    /// The first group with `role`, searched depth first in painting order; for inspecting a
    /// laid-out chart (tests, tools) without walking the tree by hand.
    public func group(_ role: SceneRole) -> SceneGroup? {
        func find(_ nodes: [SceneNode]) -> SceneGroup? {
            for n in nodes {
                if case .group(let g) = n {
                    if g.role == role { return g }
                    if let inner = find(g.nodes) { return inner }
                }
            }
            return nil
        }
        return find(nodes)
    }
}
