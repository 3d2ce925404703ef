/// A point in pixel space; y grows downwards.
public struct Point: Sendable, Hashable {
    /// Horizontal coordinate in CSS pixels.
    public var x: Double
    /// Vertical coordinate in CSS pixels, growing downwards.
    public var y: Double

    /// Creates a point from its coordinates.
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Creates a point from labelled coordinates.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The origin, (0, 0).
    public static let zero = Point(0, 0)

    /// Component-wise sum.
    public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    /// Component-wise difference.
    public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    /// Scales both coordinates.
    public static func * (a: Point, s: Double) -> Point { Point(a.x * s, a.y * s) }
}

/// An axis-aligned rectangle in pixel space.
public struct Rect: Sendable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width, never negative for a well-formed rectangle.
    public var width: Double
    /// Height, never negative for a well-formed rectangle.
    public var height: Double

    /// Creates a rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Right edge.
    public var maxX: Double { x + width }
    /// Bottom edge.
    public var maxY: Double { y + height }
}

/// A 2-D affine transform: x' = a·x + c·y + tx, y' = b·x + d·y + ty (the SVG `matrix(a b c d e f)` order).
public struct Transform: Sendable, Hashable {
    /// Matrix entries in SVG order.
    public var a, b, c, d, tx, ty: Double

    /// Creates a transform from its six entries.
    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }

    /// The identity transform.
    public static let identity = Transform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    /// A translation by (dx, dy).
    public static func translation(_ dx: Double, _ dy: Double) -> Transform {
        Transform(a: 1, b: 0, c: 0, d: 1, tx: dx, ty: dy)
    }

    /// A scale by (sx, sy).
    public static func scale(_ sx: Double, _ sy: Double) -> Transform {
        Transform(a: sx, b: 0, c: 0, d: sy, tx: 0, ty: 0)
    }

    /// A rotation by `degrees`, clockwise on screen because y grows downwards.
    public static func rotation(degrees: Double) -> Transform {
        let r = degrees * .pi / 180
        // Exact values for the quarter turns keep rotated text free of rounding noise.
        let (s, c): (Double, Double)
        switch degrees {
        case 0: (s, c) = (0, 1)
        case 90: (s, c) = (1, 0)
        case -90, 270: (s, c) = (-1, 0)
        case 180, -180: (s, c) = (0, -1)
        default: (s, c) = (Double.sin(r), Double.cos(r))
        }
        return Transform(a: c, b: s, c: -s, d: c, tx: 0, ty: 0)
    }

    /// Applies `self` first, then `other`.
    public func concatenating(_ o: Transform) -> Transform {
        Transform(
            a: a * o.a + b * o.c, b: a * o.b + b * o.d,
            c: c * o.a + d * o.c, d: c * o.b + d * o.d,
            tx: tx * o.a + ty * o.c + o.tx, ty: tx * o.b + ty * o.d + o.ty)
    }

    /// Maps a point.
    public func apply(_ p: Point) -> Point {
        Point(a * p.x + c * p.y + tx, b * p.x + d * p.y + ty)
    }

    /// Whether this is the identity.
    public var isIdentity: Bool { self == .identity }
}

extension Double {
    // Foundation-free sine and cosine, so PlotlineCore has no Foundation dependency.
    static func sin(_ x: Double) -> Double { _sin(x) }
    static func cos(_ x: Double) -> Double { _cos(x) }
}

#if canImport(Glibc)
import Glibc
@inline(__always) private func _sin(_ x: Double) -> Double { Glibc.sin(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#elseif canImport(Darwin)
import Darwin
@inline(__always) private func _sin(_ x: Double) -> Double { Darwin.sin(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#elseif canImport(Musl)
import Musl
@inline(__always) private func _sin(_ x: Double) -> Double { Musl.sin(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Musl.cos(x) }
#endif
