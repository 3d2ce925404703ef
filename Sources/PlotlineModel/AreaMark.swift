/// A region filled between the values and a baseline (or the areas stacked below), with an outline.
public struct AreaMark: Sendable, Equatable {
    /// The values; a missing value breaks the area.
    public var y: [Double]
    /// The value the area is filled down (or up) to; 0 by default. Stacked areas start from it.
    public var baseline: Double
    /// Whether this area stacks on the stacked areas before it.
    public var stack: Bool
    /// The outline width in CSS pixels; 0 for none, 1.5 by default.
    public var width: Double
    /// The outline's dash pattern; empty for solid.
    public var dash: [Double]

    /// Creates an area mark.
    public init(y: [Double], baseline: Double = 0, stack: Bool = false, width: Double = 1.5, dash: [Double] = []) {
        self.y = y
        self.baseline = baseline
        self.stack = stack
        self.width = width
        self.dash = dash
    }

    /// Equality in which `nan` equals `nan`.
    public static func == (a: AreaMark, b: AreaMark) -> Bool {
        sameValues(a.y, b.y) && a.baseline == b.baseline && a.stack == b.stack && a.width == b.width && a.dash == b.dash
    }
}
