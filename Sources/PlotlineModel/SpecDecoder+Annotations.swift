/// Annotations: `{"type": "text" | "rule" | "range", …}` with values in the axes' own units.
extension SpecDecoder {
    /// The kinds of annotation, as the `type` key spells them.
    enum AnnotationType: String, CaseIterable {
        case text, rule, range
    }

    func annotation(_ node: JSONNode, _ path: String) throws(SpecError) -> Annotation {
        let o = try object(node, path, keys: AnnotationKey.self)
        guard let typeNode = o[.type] else { throw fail(node, path, "missing \"type\": \"text\", \"rule\" or \"range\"") }
        let type: AnnotationType = try choice(typeNode, path + ".type", "annotation type")
        let color = try o[.color].map { n throws(SpecError) in try self.color(n, path + ".color") }
        let label = try o[.label].map { n throws(SpecError) in try string(n, path + ".label") }
        // Exactly one of x, y and y2 places a rule or range; a text annotation takes x and y (or y2).
        let given = [AnnotationAxis.x, .y, .y2].filter { key in o[AnnotationKey(rawValue: key.rawValue) ?? .x] != nil }
        func axisSpec(_ a: AnnotationAxis) -> AxisSpec {
            switch a {
            case .x: axes.x
            case .y: axes.y
            case .y2: axes.y2
            }
        }
        func value(_ a: AnnotationAxis) throws(SpecError) -> Double {
            guard let n = o[AnnotationKey(rawValue: a.rawValue) ?? .x] else { throw fail(node, path, "missing \"\(a.rawValue)\"") }
            return try axisValue(n, path + "." + a.rawValue, axis: axisSpec(a))
        }
        switch type {
        case .text:
            guard let textNode = o[.text] else { throw fail(node, path, "missing \"text\"") }
            let vertical: VerticalAxis = o[.y2] != nil ? .y2 : .y
            var t = TextAnnotation(x: try value(.x), y: try value(vertical == .y2 ? .y2 : .y), axis: vertical,
                                   text: try string(textNode, path + ".text"), color: color)
            if let n = o[.dx] { t.dx = try number(n, path + ".dx", in: -10_000...10_000, unit: " pixels") }
            if let n = o[.dy] { t.dy = try number(n, path + ".dy", in: -10_000...10_000, unit: " pixels") }
            if let n = o[.arrow] { t.arrow = try bool(n, path + ".arrow") }
            return .text(t)
        case .rule, .range:
            guard given.count == 1, let axis = given.first else {
                throw fail(node, path, "give exactly one of \"x\", \"y\" and \"y2\": where the \(type.rawValue) goes")
            }
            let axisNode = o[AnnotationKey(rawValue: axis.rawValue) ?? .x] ?? node
            if type == .rule {
                var rule = RuleAnnotation(axis: axis, value: try value(axis), label: label, color: color)
                if let n = o[.dash] { rule.dash = try dashPattern(n, path + ".dash", width: 1.5) }
                return .rule(rule)
            }
            guard case .array(let ends) = axisNode.value, ends.count == 2 else {
                throw fail(axisNode, path + "." + axis.rawValue, "expected [lower, upper]")
            }
            let lower = try axisValue(ends[0], path + ".\(axis.rawValue)[0]", axis: axisSpec(axis))
            let upper = try axisValue(ends[1], path + ".\(axis.rawValue)[1]", axis: axisSpec(axis))
            guard lower < upper else {
                throw fail(axisNode, path + "." + axis.rawValue, "the lower end must be less than the upper end")
            }
            var range = RangeAnnotation(axis: axis, lower: lower, upper: upper, label: label, color: color)
            if let n = o[.opacity] { range.opacity = try number(n, path + ".opacity", in: 0...1, unit: "") }
            return .range(range)
        }
    }
}

extension Annotation {
    /// Whether the annotation is measured on the second y axis.
    public var usesY2: Bool {
        switch self {
        case .text(let t): t.axis == .y2
        case .rule(let r): r.axis == .y2
        case .range(let r): r.axis == .y2
        }
    }
}
