/// One drawing command of a ``PlotPath``.
public enum PathElement: Sendable, Hashable {
    /// Starts a new subpath at a point.
    case move(Point)
    /// A straight line to a point.
    case line(Point)
    /// A quadratic Bézier curve with one control point, ending at `to`.
    case quad(control: Point, to: Point)
    /// A cubic Bézier curve with two control points, ending at `to`.
    case cubic(control1: Point, control2: Point, to: Point)
    /// Closes the current subpath with a straight line back to its start.
    case close
}

/// A vector path in pixel space: a sequence of subpaths made of lines and Béziers.
public struct PlotPath: Sendable, Hashable {
    /// The commands in drawing order.
    public var elements: [PathElement]

    /// Creates a path from its commands (empty by default).
    public init(_ elements: [PathElement] = []) {
        self.elements = elements
    }

    /// Whether the path has no commands.
    public var isEmpty: Bool { elements.isEmpty }

    /// Starts a new subpath.
    public mutating func move(to p: Point) { elements.append(.move(p)) }
    /// Adds a straight line.
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    /// Adds a quadratic Bézier.
    public mutating func quad(control: Point, to p: Point) { elements.append(.quad(control: control, to: p)) }
    /// Adds a cubic Bézier.
    public mutating func cubic(control1: Point, control2: Point, to p: Point) {
        elements.append(.cubic(control1: control1, control2: control2, to: p))
    }
    /// Closes the current subpath.
    public mutating func close() { elements.append(.close) }

    /// Appends every command of another path.
    public mutating func append(_ other: PlotPath) { elements.append(contentsOf: other.elements) }

    /// An axis-aligned rectangle as a closed subpath, drawn clockwise on screen.
    public static func rectangle(_ r: Rect) -> PlotPath {
        PlotPath([.move(Point(r.x, r.y)), .line(Point(r.maxX, r.y)), .line(Point(r.maxX, r.maxY)),
              .line(Point(r.x, r.maxY)), .close])
    }

    /// A circle approximated by four cubic Béziers (kappa = 0.5522847498, error < 0.03 % of the radius).
    public static func circle(center: Point, radius r: Double) -> PlotPath {
        let k = 0.5522847498307936 * r
        let (cx, cy) = (center.x, center.y)
        return PlotPath([
            .move(Point(cx + r, cy)),
            .cubic(control1: Point(cx + r, cy + k), control2: Point(cx + k, cy + r), to: Point(cx, cy + r)),
            .cubic(control1: Point(cx - k, cy + r), control2: Point(cx - r, cy + k), to: Point(cx - r, cy)),
            .cubic(control1: Point(cx - r, cy - k), control2: Point(cx - k, cy - r), to: Point(cx, cy - r)),
            .cubic(control1: Point(cx + k, cy - r), control2: Point(cx + r, cy - k), to: Point(cx + r, cy)),
            .close,
        ])
    }

    /// The path with every point mapped through `t`.
    public func transformed(by t: Transform) -> PlotPath {
        if t.isIdentity { return self }
        return PlotPath(elements.map { e in
            switch e {
            case .move(let p): .move(t.apply(p))
            case .line(let p): .line(t.apply(p))
            case .quad(let c, let p): .quad(control: t.apply(c), to: t.apply(p))
            case .cubic(let c1, let c2, let p): .cubic(control1: t.apply(c1), control2: t.apply(c2), to: t.apply(p))
            case .close: .close
            }
        })
    }

    /// The bounding box of every point and control point, or nil for an empty path.
    public var controlBounds: Rect? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func add(_ p: Point) {
            minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
            minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
        }
        for e in elements {
            switch e {
            case .move(let p), .line(let p): add(p)
            case .quad(let c, let p): add(c); add(p)
            case .cubic(let c1, let c2, let p): add(c1); add(c2); add(p)
            case .close: break
            }
        }
        guard minX <= maxX else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
