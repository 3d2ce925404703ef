import Mustache
import Plotline

/// A page of many charts: each chart's SVG inlined under its title, with its description as
/// visible text and links to its files, in sections by folder, with a table of contents.
///
/// The page is made from a Mustache template (the default is ``ReportTemplates/html``; users
/// pass their own with `--template`), and the engine escapes every value inserted with `{{…}}`.
/// Only the SVGs, which Plotline wrote and escaped itself, go in unescaped (`{{{svg}}}`).
public struct Report: Sendable {
    /// One chart on the page.
    public struct Chart: Sendable {
        /// The chart's name: its spec's file name without `.json`.
        public var name: String
        /// Its title, or its name when it has none.
        public var title: String
        /// Its description, as the SVG's `<desc>` gives it.
        public var description: String
        /// The SVG, to inline.
        public var svg: String
        /// The chart's files relative to the page, URL-encoded: `runs/loss.svg`.
        public var svgPath: String
        /// The PNG's path relative to the page, URL-encoded.
        public var pngPath: String
        /// The fragment id of the chart's figure: `report-chart-runs-loss`.
        public var anchor: String
        /// The section (folder) the chart is in.
        public var group: String
    }

    /// The page title.
    public var title: String
    /// The charts, in page order (sections follow their first chart).
    public var charts: [Chart]

    /// Creates a report.
    public init(title: String, charts: [Chart]) {
        self.title = title
        self.charts = charts
    }

    /// The page or document: `template` rendered with the report's values.
    public func render(template: String, format: ReportFormat) throws(PlotlineError) -> String {
        ReportTemplates.registerContentTypes
        let compiled: MustacheTemplate
        do {
            compiled = try MustacheTemplate(string: template)
        } catch {
            throw PlotlineError(.invalidSpec, file: "template", message: "not a valid Mustache template: \(error)")
        }
        return compiled.render(context(format: format))
    }

    /// The values a template sees: `title`, `generator`, `chartCount`, `hasSections`, `toc` and
    /// `sections`, each section with `title`, `hasTitle`, `anchor` and `charts`, each chart with
    /// `name`, `title`, `description`, `svg`, `svgPath`, `pngPath` and `anchor`.
    func context(format: ReportFormat) -> [String: Any] {
        var groups: [String] = []
        var known: Set<String> = []
        for chart in charts where known.insert(chart.group).inserted { groups.append(chart.group) }
        // Section anchors differ from each other ("runs_a" and "runs-a" slug alike) and from the
        // charts' ("report-chart-…").
        var anchors = UniqueIDs()
        let sectionAnchors: [String] = groups.map { group in
            anchors.claim("report-section-" + Report.slug(group.isEmpty ? "charts" : group))
        }
        let sections: [[String: Any]] = zip(groups, sectionAnchors).map { group, anchor in
            let members: [[String: Any]] = charts.filter { $0.group == group }.map { chart in
                [
                    "name": chart.name, "title": chart.title, "description": chart.description,
                    "svg": format == .html ? chart.svg : "", "svgPath": chart.svgPath, "pngPath": chart.pngPath,
                    "anchor": chart.anchor,
                ]
            }
            return [
                "title": group, "hasTitle": !group.isEmpty, "anchor": anchor,
                "charts": members,
            ]
        }
        return [
            "title": title,
            "generator": "Plotline \(PlotlineVersion.current)",
            "chartCount": charts.count,
            "hasSections": groups.count > 1 || groups.first.map { !$0.isEmpty } ?? false,
            "toc": sections,
            "sections": sections,
        ]
    }

    /// A fragment id made of lowercase letters, digits and hyphens: "Loss (val)/v2" → "loss-val-v2".
    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "chart" : out
    }

    /// A relative path with each segment percent-encoded (RFC 3986 unreserved characters kept),
    /// so that a file name with spaces or `#` still links.
    public static func urlPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var out = ""
            for byte in segment.utf8 {
                let c = Character(UnicodeScalar(byte))
                if c.isASCII, c.isLetter || c.isNumber || "-._~".contains(c) {
                    out.append(c)
                } else {
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return out
        }.joined(separator: "/")
    }
}

/// The kind of document a report is.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// One self-contained HTML page with the SVGs inlined.
    case html
    /// A Markdown file beside the chart files, showing each SVG as an image.
    case md
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
