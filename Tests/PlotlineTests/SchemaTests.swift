import Foundation
import Plotline
import Testing

/// The committed JSON Schema is the one the code writes, and it accepts every template and
/// rejects misspelt keys (checked here with a small validator of the schema features it uses;
/// `Scripts/validate-schema.py` runs the jsonschema package for an independent opinion).
@Suite struct SchemaTests {
    @Test func theCommittedSchemaIsCurrent() throws {
        let committed = try String(contentsOfFile: Repo.path("Schema/plotline.schema.json"), encoding: .utf8)
        #expect(committed == SpecSchema.text, "Schema/plotline.schema.json is stale: run `swift run plotline schema > Schema/plotline.schema.json`")
    }

    static let templates: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Templates"))) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// JSON read with the spec's own parser, so booleans and numbers stay apart.
    static func plain(_ node: JSONNode) -> Any {
        switch node.value {
        case .null: NSNull()
        case .bool(let b): b
        case .number(let v, _): v
        case .string(let s): s
        case .array(let items): items.map(plain)
        case .object(let members): Dictionary(members.map { ($0.key, plain($0.value)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    static func read(_ path: String) throws -> Any {
        plain(try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    func schema() throws -> [String: Any] {
        try #require(Self.plain(try JSONParser.parse(SpecSchema.text)) as? [String: Any])
    }

    @Test(arguments: templates)
    func everyTemplateValidates(template: String) throws {
        let root = try schema()
        let spec = try Self.read(Repo.path("Templates/" + template))
        let errors = MiniValidator(root: root).errors(spec, root, path: "")
        #expect(errors.isEmpty, "\(errors)")
        #expect((spec as? [String: Any])?["$schema"] as? String == "../Schema/plotline.schema.json")
    }

    @Test(arguments: [("x", "tickstep"), ("", "seris"), ("series", "colour")])
    func misspeltKeysAreRejected(object: String, key: String) throws {
        let root = try schema()
        var spec = try #require(try Self.read(Repo.seedSpec) as? [String: Any])
        switch object {
        case "x": var x = spec["x"] as? [String: Any] ?? [:]; x[key] = 5; spec["x"] = x
        case "series": var s = (spec["series"] as? [[String: Any]]) ?? [[:]]; s[0][key] = "red"; spec["series"] = s
        default: spec[key] = []
        }
        let errors = MiniValidator(root: root).errors(spec, root, path: "")
        #expect(errors.contains { $0.contains(key) }, "\(errors)")
    }
}

/// The JSON Schema features the spec's schema uses: type, enum, const, properties with
/// additionalProperties false, required, items, minItems and maxItems, minimum and maximum,
/// anyOf and local $ref.
struct MiniValidator {
    let root: [String: Any]

    func errors(_ value: Any, _ schema: [String: Any], path: String) -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else { return ["\(path): unknown $ref \(ref)"] }
            return errors(value, target, path: path)
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            return options.contains { errors(value, $0, path: path).isEmpty } ? [] : ["\(path): matches none of anyOf"]
        }
        var result: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { matches(value, $0) }) { return ["\(path): expected \(types)"] }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal($0, value) }) { result.append("\(path): not one of \(options)") }
        if let constant = schema["const"], !equal(constant, value) { result.append("\(path): not \(constant)") }
        if let n = value as? Double, !(value is Bool) {
            if let min = schema["minimum"] as? Double, n < min { result.append("\(path): below \(min)") }
            if let min = schema["exclusiveMinimum"] as? Double, n <= min { result.append("\(path): not above \(min)") }
            if let max = schema["maximum"] as? Double, n > max { result.append("\(path): above \(max)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                if let sub = properties[key] as? [String: Any] {
                    result += errors(object[key] as Any, sub, path: path + "." + key)
                } else if schema["additionalProperties"] as? Bool == false {
                    result.append("\(path): unexpected key \(key)")
                }
            }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { result.append("\(path): missing \(key)") }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { result.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, array.count > max { result.append("\(path): more than \(max) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { result += errors(item, items, path: path + "[\(i)]") }
            }
        }
        return result
    }

    func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "boolean": isBool(value)
        case "number": value is Double && !isBool(value)
        case "integer": (value as? Double).map { $0 == $0.rounded() } == true && !isBool(value)
        case "string": value is String
        case "array": value is [Any]
        case "object": value is [String: Any]
        default: false
        }
    }

    func isBool(_ value: Any) -> Bool { value is Bool }

    func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? Double, let y = b as? Double, !isBool(a), !isBool(b) { return x == y }
        return false
    }
}
