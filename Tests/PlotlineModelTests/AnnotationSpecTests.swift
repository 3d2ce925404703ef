@testable import PlotlineModel
import Testing

@Suite struct AnnotationSpecTests {
    @Test func everyKindDecodes() throws {
        let spec = try decode(#"""
            {"x": {"scale": "time"}, "series": [{"x": ["2024-03-01", "2024-03-05"], "y": [1, 2]}],
             "annotations": [
               {"type": "range", "x": ["2024-03-02", "2024-03-03"], "label": "outage", "color": "red", "opacity": 0.2},
               {"type": "rule", "y": 1.5, "label": "target", "dash": "dotted"},
               {"type": "text", "x": "2024-03-05", "y2": 2, "text": "peak", "dx": -30, "dy": 10, "arrow": false}]}
            """#)
        let day = 1_709_251_200.0
        #expect(spec.annotations.count == 3)
        #expect(spec.annotations[0] == .range(RangeAnnotation(axis: .x, lower: day + 86_400, upper: day + 2 * 86_400, label: "outage",
                                                              color: .init(css: "red"), opacity: 0.2)))
        #expect(spec.annotations[1] == .rule(RuleAnnotation(axis: .y, value: 1.5, label: "target", dash: [0.375, 3.375])))
        #expect(spec.annotations[2] == .text(TextAnnotation(x: day + 4 * 86_400, y: 2, axis: .y2, text: "peak", dx: -30, dy: 10, arrow: false)))
        #expect(spec.y2 != nil)  // an annotation on y2 brings the axis
    }

    static let errors: [(String, String)] = [
        (#"{"series": [{"y": [1]}], "annotations": [{"x": 1}]}"#, #"t.json:1:42: annotations[0]: missing "type": "text", "rule" or "range""#),
        (#"{"series": [{"y": [1]}], "annotations": [{"type": "arrow"}]}"#,
         #"t.json:1:51: annotations[0].type: unknown annotation type "arrow" (supported: text, rule and range)"#),
        (#"{"series": [{"y": [1]}], "annotations": [{"type": "rule", "x": 1, "y": 2}]}"#,
         #"t.json:1:42: annotations[0]: give exactly one of "x", "y" and "y2": where the rule goes"#),
        (#"{"series": [{"y": [1]}], "annotations": [{"type": "range", "y": [3, 1]}]}"#,
         #"t.json:1:65: annotations[0].y: the lower end must be less than the upper end"#),
        (#"{"series": [{"y": [1]}], "annotations": [{"type": "text", "x": 1, "y": 1}]}"#, #"t.json:1:42: annotations[0]: missing "text""#),
        (#"{"x": {"scale": "time"}, "series": [{"x": ["2024-01-01"], "y": [1]}], "annotations": [{"type": "rule", "x": "soon"}]}"#,
         #"t.json:1:109: annotations[0].x: "soon" is not a date: expected the year as 4 digits"#),
    ]

    @Test(arguments: errors)
    func badAnnotationsNameTheKey(json: String, expected: String) {
        #expect(decodeError(json)?.description == expected)
    }
}

@Suite struct TextStyleSpecTests {
    @Test func stylesDecodePerRole() throws {
        let spec = try decode(#"{"text": {"title": {"family": "DejaVu Serif", "size": 20, "weight": "normal", "color": "navy"}, "tickLabel": {"size": 10}}, "series": [{"y": [1]}]}"#)
        #expect(spec.text.title == TextStyle(family: "DejaVu Serif", size: 20, bold: false, color: .init(css: "navy")))
        #expect(spec.text.tickLabel.size == 10 && spec.text.legend == TextStyle())
        #expect(spec.text.families == ["DejaVu Serif"])
        #expect(decodeError(#"{"text": {"title": {"weight": "heavy"}}, "series": [{"y": [1]}]}"#)?.description
            == #"t.json:1:31: text.title.weight: expected "normal" or "bold""#)
        #expect(decodeError(#"{"text": {"caption": {}}, "series": [{"y": [1]}]}"#)?.description
            == #"t.json:1:11: text.caption: unknown key "caption"; expected one of title, subtitle, axisTitle, tickLabel, legend and annotation"#)
    }
}
