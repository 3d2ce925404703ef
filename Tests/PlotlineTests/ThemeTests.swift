import Foundation
import Plotline
import Testing

/// Light, dark and auto: the auto SVG carries both colour sets, and nothing escapes the switch.
@Suite struct ThemeTests {
    let renderer = Renderer()
    let spec = Repo.path("Templates/auto-theme.json")

    func svg(_ theme: ThemeChoice) throws -> String {
        let chart = try renderer.render(specAt: spec, options: RenderOptions(formats: [.svg], theme: theme))
        return String(decoding: chart.files[0].bytes, as: UTF8.self)
    }

    /// The colours on one line of SVG, in order: each `fill`/`stroke` attribute and, where a style
    /// declaration takes the colour from a variable, the variable's value in `variables`.
    func colours(_ line: Substring, variables: [String: String]?) -> [String] {
        var result: [String] = []
        for name in ["fill", "stroke"] {
            guard let range = line.range(of: " \(name)=\"") else { continue }
            let value = String(line[range.upperBound...].prefix { $0 != "\"" })
            if let variables, let v = line.range(of: "\(name):var(--") {
                let key = String(line[v.upperBound...].prefix { $0 != ")" })
                result.append(variables[key] ?? "undefined --\(key)")
            } else {
                result.append(value)
            }
        }
        return result
    }

    /// The variables the dark rule sets.
    func darkVariables(_ svg: String) throws -> [String: String] {
        let rule = try #require(svg.range(of: "@media (prefers-color-scheme: dark){"))
        let body = svg[rule.upperBound...].drop { $0 != "{" }.dropFirst().prefix { $0 != "}" }
        var result: [String: String] = [:]
        for declaration in body.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].hasPrefix("--") { result[String(parts[0].dropFirst(2))] = String(parts[1]) }
        }
        return result
    }

    @Test func theAutoSVGSwitchesEveryColourThatDiffers() throws {
        let auto = try svg(.auto), light = try svg(.light), dark = try svg(.dark)
        #expect(auto.contains("@media (prefers-color-scheme: dark)"))
        let variables = try darkVariables(auto)
        #expect(!variables.isEmpty)
        // Line by line (the three share their layout): the attributes are the light colours, and
        // with the dark rule applied every colour is the dark theme's.
        let autoLines = auto.split(separator: "\n").filter { !$0.hasPrefix("<style") && !$0.hasPrefix("<svg") && !$0.hasPrefix("<title") && !$0.hasPrefix("<desc") }
        let lightLines = light.split(separator: "\n").filter { !$0.hasPrefix("<svg") && !$0.hasPrefix("<title") && !$0.hasPrefix("<desc") }
        let darkLines = dark.split(separator: "\n").filter { !$0.hasPrefix("<svg") && !$0.hasPrefix("<title") && !$0.hasPrefix("<desc") }
        try #require(autoLines.count == lightLines.count && autoLines.count == darkLines.count)
        for (a, (l, d)) in zip(autoLines, zip(lightLines, darkLines)) {
            #expect(colours(a, variables: nil) == colours(l, variables: nil), "light colours differ: \(a)")
            #expect(colours(a, variables: variables) == colours(d, variables: nil), "a colour escapes the dark rule: \(a)")
        }
    }

    @Test(.enabled(if: Judge.available("xmllint"), Judge.note("xmllint", package: "libxml2-utils")))
    func theAutoSVGIsValidXML() throws {
        guard let xmllint = Repo.which("xmllint") else {
            Issue.record("xmllint is not installed (Debian: libxml2-utils)")
            return
        }
        let path = Repo.temporaryFolder() + "/auto.svg"
        try svg(.auto).write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Repo.run(xmllint, ["--noout", path])
        #expect(result.status == 0, "\(result.err)")
    }

    @Test func darkAndLightShareTheirLayout() throws {
        let (light, _) = try renderer.scenes(for: try ChartSpecLoader.load(path: spec), specFile: "s", theme: .light)
        let (dark, _) = try renderer.scenes(for: try ChartSpecLoader.load(path: spec), specFile: "s", theme: .dark)
        #expect(light.width == dark.width && light.nodes.count == dark.nodes.count)
        #expect(light.background == .white && dark.background != .white)
        #expect(light.description == dark.description)
    }
}
