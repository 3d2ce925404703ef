import Foundation
import Plotline
import PlotlineTestSupport
import Testing

/// `plotline report`: the page, its links, and how it looks in a real browser.
@Suite struct ReportTests {
    func folder() -> String { Repo.temporaryFolder() }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A hostile title: markup that would end the SVG and start a script, ampersands, quotes and a
    /// right-to-left override.
    static let hostile = #"</svg><script>alert(1)</script> & \"quotes\" 'apostrophes' \u202Eevil"#

    /// Six charts in two folders: two whose series run past the plot's edge (so their clip paths
    /// matter), one with hostile labels, one in the `auto` theme, and two with the same name and
    /// structure in different folders (so their ids would collide without the report's care).
    func makeSpecs(in root: String) throws {
        try write(#"{"title": "Clipped line", "legend": false, "y": {"domain": [0, 10]}, "series": [{"name": "up", "color": "red", "width": 3, "x": [0, 1, 2, 3], "y": [1, 30, -20, 5]}]}"#,
                  to: root + "/clipped/line.json")
        try write(#"{"title": "Clipped area", "legend": false, "x": {"domain": [1, 3]}, "series": [{"kind": "area", "name": "a", "color": "red", "x": [0, 1, 2, 3, 4], "y": [2, 3, 5, 4, 6]}]}"#,
                  to: root + "/clipped/area.json")
        try write(#"{"title": "\#(Self.hostile)", "x": {"label": "\#(Self.hostile)"}, "series": [{"name": "\#(Self.hostile)", "y": [1, 3, 2]}]}"#,
                  to: root + "/hostile.json")
        try write(#"{"title": "Follows the reader", "theme": "auto", "series": [{"kind": "band", "name": "range", "x": [0, 1, 2], "yLower": [1, 2, 1], "yUpper": [3, 4, 3]}, {"name": "range", "x": [0, 1, 2], "y": [2, 3, 2]}]}"#,
                  to: root + "/auto.json")
        try write(#"{"title": "Twin", "series": [{"y": [1, 2, 3]}]}"#, to: root + "/twins/a/twin.json")
        try write(#"{"title": "Twin", "series": [{"y": [3, 2, 1]}]}"#, to: root + "/twins/b/twin.json")
    }

    @Test func thePageIsSelfContainedWithUniqueIdsAndSections() throws {
        let root = folder()
        try makeSpecs(in: root + "/specs")
        let result = try Repo.run(CLITests.binary, ["report", root + "/specs", "-o", root + "/out/report.html", "--title", "Runs & results"])
        #expect(result.status == 0, "\(result.err)")
        let page = try String(contentsOfFile: root + "/out/report.html", encoding: .utf8)
        // No script, no network: the only URL is the SVG namespace, which is a name, not a fetch.
        #expect(!page.contains("<script"))
        #expect(page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").range(of: "https?:|//[a-z]|@import|src=", options: .regularExpression) == nil)
        // The engine escaped the hostile title everywhere it is text.
        #expect(page.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;"))
        #expect(page.contains("<title>Runs &amp; results</title>"))
        let ids = page.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        // Sections follow the folders; every link resolves.
        for section in ["report-section-clipped", "report-section-twins-a", "report-section-twins-b"] { #expect(ids.contains(section)) }
        let links = page.matches(of: /href="([^"#][^"]*)"/).map { String($0.1) }
        #expect(links.count == 12)
        for link in links { #expect(FileManager.default.fileExists(atPath: root + "/out/" + (link.removingPercentEncoding ?? link)), "\(link)") }
        if Judge.available("xmllint") {
            let lint = try Repo.run("/usr/bin/xmllint", ["--noout", root + "/out/report.html"])
            #expect(lint.status == 0, "\(lint.err)")
        }
    }

    @Test func inputsFromAboveLinksAndRepeatsStayInsideTheOutputFolder() throws {
        let root = folder()
        try write(#"{"series": [{"y": [1, 2]}]}"#, to: root + "/specs/a.json")
        try write(#"{"series": [{"y": [2, 1]}]}"#, to: root + "/other/b.json")
        // A link back to its own folder: the walk must not follow it.
        symlink(root + "/specs", root + "/specs/loop")
        let result = try Repo.run(CLITests.binary, ["report", "../other/b.json", "a.json", "./a.json", ".", "--output", "out/r.html"],
                                  cwd: root + "/specs")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("(2 charts)"))
        // Groups come from the real folders below the one they share: nothing lands outside `out`.
        #expect(FileManager.default.fileExists(atPath: root + "/specs/out/other/b.svg"))
        #expect(FileManager.default.fileExists(atPath: root + "/specs/out/specs/a.png"))
        #expect(!FileManager.default.fileExists(atPath: root + "/other/b.svg"))
        let page = try String(contentsOfFile: root + "/specs/out/r.html", encoding: .utf8)
        #expect(page.contains(#"href="other/b.svg""#) && page.contains(#"href="specs/a.svg""#))
    }

    @Test func aFailingSpecLeavesTheOldPageAndWritesTheOthers() throws {
        let root = folder()
        try write(#"{"series": [{"y": [1, 2]}]}"#, to: root + "/a.json")
        try write(#"{"series": [{"y": [1, "x"]}]}"#, to: root + "/b.json")
        try write("old page", to: root + "/out/r.html")
        let result = try Repo.run(CLITests.binary, ["report", root + "/a.json", root + "/b.json", "-o", root + "/out/r.html"])
        #expect(result.status == 2)
        #expect(result.err.contains("b.json:1:23: series[0].y[1]"))
        #expect(result.err.contains("out/r.html: not written: 1 of 2 charts failed"))
        #expect(try String(contentsOfFile: root + "/out/r.html", encoding: .utf8) == "old page")
        #expect(FileManager.default.fileExists(atPath: root + "/out/a.svg"))
    }

    @Test func theMarkdownReportsLinksResolve() throws {
        let root = folder()
        try makeSpecs(in: root + "/specs")
        let result = try Repo.run(CLITests.binary, ["report", root + "/specs", "-o", root + "/out/README.md"])
        #expect(result.status == 0, "\(result.err)")
        let text = try String(contentsOfFile: root + "/out/README.md", encoding: .utf8)
        let targets = text.matches(of: /\]\(([^)#][^)]*)\)/).map { String($0.1) }
        // Each chart's image and its two links.
        #expect(targets.count == 18)
        for target in targets {
            #expect(!target.hasPrefix("/") && !target.contains(":"), "\(target) is not relative")
            #expect(FileManager.default.fileExists(atPath: root + "/out/" + (target.removingPercentEncoding ?? target)), "\(target)")
        }
        // Alt text is the description, escaped so it cannot close the image early.
        #expect(text.contains(#"![Line chart with 1 series. X axis"#))
        // Markup in values is escaped: `\<script\>` shows as text.
        #expect(text.contains(#"\</svg\>\<script\>alert\(1\)\</script\> \& "#))
        #expect(text.firstMatch(of: /[^\\]<script/) == nil)
        // In-page links point at anchors that exist.
        let anchors = Set(text.matches(of: /<a id="([^"]+)"><\/a>/).map { String($0.1) })
        for link in text.matches(of: /\]\(#([^)]+)\)/).map({ String($0.1) }) { #expect(anchors.contains(link), "\(link)") }
    }

    // MARK: In a real browser

    /// Headless Chromium's screenshot of `page`, with the light or dark colour-scheme preference.
    func screenshot(_ page: String, dark: Bool, height: Int, into folder: String) throws -> Pixmap {
        let shot = folder + (dark ? "/dark.png" : "/light.png")
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                         "--window-size=1000,\(height)", "--screenshot=\(shot)"]
        // --force-dark-mode makes prefers-color-scheme: dark match.
        if dark { arguments.append("--force-dark-mode") }
        let result = try Repo.run(try #require(Repo.which("chromium")), arguments + ["file://" + page])
        #expect(FileManager.default.fileExists(atPath: shot), "chromium: \(result.err)")
        return try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: shot))))
    }

    /// Mean luminance of each 100-pixel stretch of each row of `image` from column `x`, over
    /// the first 800 columns: a profile that tells a chart's rows apart, even from its mirror image.
    func rowProfile(_ image: Pixmap, x: Int) -> [[Double]] {
        (0..<image.height).map { y in
            (0..<8).map { s in
                var sum = 0.0
                for column in (x + s * 100)..<min(x + (s + 1) * 100, image.width) {
                    let i = (y * image.width + column) * 4
                    sum += 0.299 * Double(image.data[i]) + 0.587 * Double(image.data[i + 1]) + 0.114 * Double(image.data[i + 2])
                }
                return sum / 100
            }
        }
    }

    /// Where a chart with row profile `wanted` sits along y in a page with row profile `have`:
    /// the offset whose rows best match. No page layout is assumed beyond the left margin.
    /// Every tenth row finds a few candidates, and all rows choose among them.
    func locate(_ wanted: [[Double]], in have: [[Double]]) -> Int {
        func cost(at y: Int, step: Int, bound: Double) -> Double {
            var total = 0.0
            for k in stride(from: 0, to: wanted.count, by: step) {
                for (a, b) in zip(wanted[k], have[y + k]) { total += (a - b) * (a - b) }
                if total >= bound { break }
            }
            return total
        }
        var candidates: [(cost: Double, y: Int)] = []
        for y in 0...max(0, have.count - wanted.count) {
            let bound = candidates.count < 5 ? Double.infinity : candidates[4].cost
            let c = cost(at: y, step: 10, bound: bound)
            if c < bound {
                candidates.append((c, y))
                candidates.sort { $0.cost < $1.cost }
                if candidates.count > 5 { candidates.removeLast() }
            }
        }
        return candidates.min { cost(at: $0.y, step: 1, bound: .infinity) < cost(at: $1.y, step: 1, bound: .infinity) }?.y ?? 0
    }

    func crop(_ image: Pixmap, x: Int, y: Int, width: Int, height: Int) -> Pixmap {
        var out = Pixmap(width: width, height: height)
        for row in 0..<height where y + row < image.height {
            let from = ((y + row) * image.width + x) * 4
            let to = row * width * 4
            for i in 0..<(width * 4) where from + i < image.data.count { out.data[to + i] = image.data[from + i] }
        }
        return out
    }

    /// Pixels that are clearly red (the clipped series' colour), in rows `rows` of `image`.
    func redPixels(_ image: Pixmap, rows: Range<Int>) -> Int {
        var count = 0
        for y in rows where y >= 0 && y < image.height {
            for x in 0..<image.width {
                let i = (y * image.width + x) * 4
                if image.data[i] > 180, image.data[i + 1] < 90, image.data[i + 2] < 90 { count += 1 }
            }
        }
        return count
    }

    /// Opens `page` in headless Chromium with the light and the dark preference and checks that
    /// each chart's region matches its PNG (`dark` for the charts that follow the preference), and
    /// that the page itself turns dark. Returns where each chart was found in the light screenshot.
    func checkInChromium(page: String, charts: [(name: String, png: String, dark: String?)], height: Int,
                         into folder: String) throws -> [String: (y: Int, region: Pixmap, png: Pixmap)] {
        let light = try screenshot(page, dark: false, height: height, into: folder)
        let darkShot = try screenshot(page, dark: true, height: height, into: folder)
        // The page follows the preference: a light page, then a dark one.
        #expect(light.color(x: 4, y: 4).red > 230)
        #expect(darkShot.color(x: 4, y: 4).red < 50)
        // The default template's body has a 32-pixel left margin; each chart is found along y.
        let left = 32
        let profiles = [rowProfile(light, x: left), rowProfile(darkShot, x: left)]
        var found: [String: (y: Int, region: Pixmap, png: Pixmap)] = [:]
        for chart in charts {
            let png = try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: chart.png))))
            for (index, shot) in [light, darkShot].enumerated() {
                let scheme = index == 0 ? "light" : "dark"
                // In the dark, the charts that follow the reader turn dark; every other keeps its theme.
                let expected = try chart.dark.map { path in
                    index == 0 ? png : try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
                } ?? png
                let y = locate(rowProfile(expected, x: 0), in: profiles[index])
                let region = crop(shot, x: left, y: y, width: expected.width, height: expected.height)
                if index == 0 { found[chart.name] = (y, region, png) }
                // Chromium and Plotline draw the same outlines, so all but a few dozen pixels agree
                // (a few hundred where Chromium applies a bidi override to the hostile title, which
                // Plotline draws in logical order); a lost clip path, a style from the page or
                // another chart, or a wrong theme changes far more than 0.4 %.
                let result = try ImageComparison.compare(expected: expected, actual: region,
                                                         options: .init(threshold: 0.3, maxDiffFraction: 0.004))
                let (passes, summary) = (result.passes, result.summary)
                #expect(passes, "\(chart.name) (\(scheme)) at y \(y): \(summary)")
            }
        }
        // Each chart was found in a place of its own: no two overlap.
        let places = found.values.map(\.y).sorted()
        for (a, b) in zip(places, places.dropFirst()) { #expect(b - a >= 400, "charts found at \(a) and \(b) overlap") }
        return found
    }

    @Test(.enabled(if: Judge.available("chromium"), Judge.note("chromium", package: "chromium")))
    func everyChartDrawsInChromiumAsItsPNGShowsIt() throws {
        let root = folder()
        try makeSpecs(in: root + "/specs")
        let page = root + "/out/report.html"
        let made = try Repo.run(CLITests.binary, ["report", root + "/specs", "-o", page])
        #expect(made.status == 0, "\(made.err)")
        // The dark twin of the auto chart, to compare the dark screenshot with.
        let dark = try Repo.run(CLITests.binary, ["render", root + "/specs/auto.json", "-o", root + "/dark", "--theme", "dark", "--format", "png"])
        #expect(dark.status == 0, "\(dark.err)")
        let names = ["clipped/area", "clipped/line", "auto", "hostile", "twins/a/twin", "twins/b/twin"]
        let found = try checkInChromium(page: page, charts: names.map { name in
            (name, root + "/out/\(name).png", name == "auto" ? root + "/dark/auto.png" : nil)
        }, height: 6000, into: root)
        #expect(found.count == names.count)
        for name in ["clipped/area", "clipped/line"] {
            guard let chart = found[name] else { continue }
            // Above and below the plot the series' red must not show: only a clip path stops it.
            for rows in [0..<60, (chart.png.height - 60)..<chart.png.height] {
                #expect(redPixels(chart.region, rows: rows) <= redPixels(chart.png, rows: rows) + 20, "\(name): red outside the plot in rows \(rows)")
            }
        }
    }

    /// The committed report of every template, `Output/report.html`, is what the command makes
    /// now, and draws in Chromium as the committed PNGs show.
    @Test(.enabled(if: Judge.available("chromium"), Judge.note("chromium", package: "chromium")))
    func theCommittedTemplateReportDrawsInChromium() throws {
        let root = folder()
        let templates = try FileManager.default.contentsOfDirectory(atPath: Repo.path("Templates")).filter { $0.hasSuffix(".json") }.sorted()
        let made = try Repo.run(CLITests.binary, ["report"] + templates.map { "Templates/" + $0 } + ["--output", root + "/report.html"],
                                cwd: Repo.root)
        #expect(made.status == 0, "\(made.err)")
        let committed = try String(contentsOfFile: Repo.path("Output/report.html"), encoding: .utf8)
        #expect(try String(contentsOfFile: root + "/report.html", encoding: .utf8) == committed,
                "Output/report.html is stale: run plotline report Templates/*.json --output Output/report.html")
        // Charts whose theme is auto follow the dark preference: compare them with dark renders.
        let autos = templates.filter { (try? String(contentsOfFile: Repo.path("Templates/" + $0), encoding: .utf8))?.contains(#""theme": "auto""#) == true }
        for spec in autos {
            let dark = try Repo.run(CLITests.binary, ["render", "Templates/" + spec, "-o", root + "/dark", "--theme", "dark", "--format", "png"], cwd: Repo.root)
            #expect(dark.status == 0, "\(dark.err)")
        }
        let charts = templates.map { spec in
            let name = String(spec.dropLast(5))
            return (name, Repo.path("Output/\(name).png"), autos.contains(spec) ? root + "/dark/\(name).png" : nil)
        }
        let found = try checkInChromium(page: Repo.path("Output/report.html"), charts: charts, height: 16000, into: root)
        #expect(found.count == templates.count)
        let ids = committed.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count)
        #expect(!committed.contains("<script"))
    }
}
