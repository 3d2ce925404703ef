import PlotlineCore

/// Series: the keys every kind shares, then each kind's own, then the data columns.
extension SpecDecoder {
    mutating func series(_ node: JSONNode, _ path: String) throws(SpecError) -> SeriesSpec {
        let o = try object(node, path, keys: SeriesKey.self)
        let kind: MarkKind = if let n = o[.kind] { try choice(n, path + ".kind", "kind") } else { .line }
        // A key that another kind uses is an error here, not silently ignored.
        for key in SeriesKey.allCases {
            if let allowed = key.kinds, !allowed.contains(kind), let member = o.member(key) {
                throw SpecError(file: file, line: member.keyLine, column: member.keyColumn, keyPath: appendKey(path, key.rawValue),
                                message: "does not apply to \(article(kind.rawValue)) \(kind.rawValue) series (it is for \(listing(allowed.map(\.rawValue))))")
            }
        }

        var verticalAxis = VerticalAxis.y
        if let n = o[.axis] { verticalAxis = try choice(n, path + ".axis", "axis") }
        let valueAxis = verticalAxis == .y2 ? axes.y2 : axes.y
        var name: String?
        var color: PlotColor?
        var opacity: Double?
        if let n = o[.name] { name = try optionalString(n, path + ".name") }
        if let n = o[.color], n.value != .null { color = try self.color(n, path + ".color") }
        if let n = o[.opacity] { opacity = try number(n, path + ".opacity", in: 0...1, unit: "") }
        // An area's outline may be 0 wide (none); a line needs some width to be seen.
        let width = try o[.width].map { n throws(SpecError) in
            kind == .area ? try number(n, path + ".width", in: 0...1000, unit: " pixels") : try positive(n, path + ".width", max: 1000, unit: " pixels")
        }
        let dash = try o[.dash].map { n throws(SpecError) in try dashPattern(n, path + ".dash", width: width ?? 2) } ?? []

        var columns = try SeriesColumns(o, path: path, kind: kind, decoder: &self)
        columns.valueReading = valueAxis.parse == .formatted ? .formatted : .number
        let isHistogram = o[.bins] != nil || o[.binWidth] != nil
        if let edgesNode = o[.binEdges] {
            // A histogram binned already: counts in y between the given edges.
            guard let yNode = o[.y] else { throw fail(node, path, "missing \"y\", the count in each bin between \"binEdges\"") }
            if isHistogram { throw fail(edgesNode, path + ".binEdges", "give either \"binEdges\" with counts or \"bins\"/\"binWidth\", not both") }
            if let x = o[.x] { throw fail(x, path + ".x", "bars between \"binEdges\" stand at the bins' centres; leave out \"x\"") }
            let edges = try values(edgesNode, path + ".binEdges")
            let counts = try values(yNode, path + ".y")
            guard edges.count == counts.count + 1, edges.allSatisfy(\.isFinite), zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw fail(edgesNode, path + ".binEdges", "needs one more edge than \"y\" has counts, finite and increasing")
            }
            seriesXNodes.append(edgesNode)
            seriesNodes.append(node)
            var bar = BarMark(y: counts, barWidth: 1, binEdges: edges)
            if let m = o[.barWidth] { bar.barWidth = try positive(m, path + ".barWidth", max: 1, unit: " (a fraction of the space per category)") }
            if let m = o[.orientation] { bar.orientation = try choice(m, path + ".orientation", "orientation") }
            if let m = o[.stack] { bar.stack = try bool(m, path + ".stack") }
            let centers = (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 }
            return SeriesSpec(name: name, color: color, opacity: opacity, x: .numbers(centers), mark: .bar(bar), axis: verticalAxis)
        }
        let x: XValues
        let categoriesAllowed = [.bar, .line, .scatter].contains(kind) && !isHistogram
        if isHistogram {
            x = .numbers([])
        } else if let given = try columns.xValues(categoriesAllowed: categoriesAllowed, csvCategories: kind == .bar, axis: axes.x, decoder: self) {
            x = given
        } else {
            let count = try columns.countWithoutX(decoder: self, node: node)
            x = .numbers((0..<count).map(Double.init))
        }
        let n = x.count
        seriesXNodes.append(columns.node(for: .x) ?? node)
        seriesNodes.append(node)
        totalPoints += n
        if totalPoints > maximumPoints {
            throw fail(node, path, "too many points: more than \(maximumPoints) in all series together")
        }

        let mark: Mark
        switch kind {
        case .line:
            let y = try columns.required(.y, count: n, decoder: self, node: node)
            var line = LineMark(y: y, width: width ?? 2, dash: dash)
            if let m = o[.interpolate] { line.interpolate = try choice(m, path + ".interpolate", "interpolation") }
            if let m = o[.gaps] { line.gaps = try choice(m, path + ".gaps", "gap policy") }
            if let m = o[.marker] { line.marker = try marker(m, path + ".marker", defaultSize: 6) }
            line.errors = try errorBars(&columns, y: y, count: n, path: path)
            mark = .line(line)
        case .scatter:
            let y = try columns.required(.y, count: n, decoder: self, node: node)
            let sizes = try columns.optional(.size, count: n, decoder: self)
            var scatter = ScatterMark(y: y, sizes: sizes)
            if let sizes, let (i, v) = sizes.enumerated().first(where: { $0.element < 0 }) {
                throw fail(columns.node(for: .size) ?? node, path + ".size[\(i)]", "\(format(v)) is negative; sizes must be 0 or more")
            }
            let defaultSize = sizes == nil ? 7.0 : 28.0
            scatter.marker = try o[.marker].map { m throws(SpecError) in try marker(m, path + ".marker", defaultSize: defaultSize) }
                ?? MarkerSpec(size: defaultSize)
            scatter.errors = try errorBars(&columns, y: y, count: n, path: path)
            mark = .scatter(scatter)
        case .bar:
            var bar = BarMark(y: [])
            if let m = o[.orientation] { bar.orientation = try choice(m, path + ".orientation", "orientation") }
            if let m = o[.stack] { bar.stack = try bool(m, path + ".stack") }
            if let m = o[.barWidth] { bar.barWidth = try positive(m, path + ".barWidth", max: 1, unit: " (a fraction of the space per category)") }
            if isHistogram {
                seriesNodes.append(node)
                let (binX, counts, edges) = try histogram(o, &columns, path: path, node: node)
                bar.y = counts
                bar.binEdges = edges
                if o[.barWidth] == nil { bar.barWidth = 1 }
                mark = .bar(bar)
                return SeriesSpec(name: name, color: color, opacity: opacity, x: .numbers(binX), mark: mark, axis: verticalAxis)
            }
            bar.y = try columns.required(.y, count: n, decoder: self, node: node)
            bar.errors = try errorBars(&columns, y: bar.y, count: n, path: path)
            mark = .bar(bar)
        case .area:
            var area = AreaMark(y: try columns.required(.y, count: n, decoder: self, node: node), dash: dash)
            if let width { area.width = width }
            if let m = o[.baseline] { area.baseline = try finite(m, path + ".baseline") }
            if let m = o[.stack] { area.stack = try bool(m, path + ".stack") }
            mark = .area(area)
        case .band:
            guard let lower = try columns.optional(.yLower, count: n, decoder: self),
                  let upper = try columns.optional(.yUpper, count: n, decoder: self) else {
                let missing = columns.has(.yLower) ? "yUpper" : "yLower"
                throw fail(node, path, "missing \"\(missing)\"; a band needs both \"yLower\" and \"yUpper\"")
            }
            mark = .band(BandMark(lower: lower, upper: upper))
        }
        return SeriesSpec(name: name, color: color, opacity: opacity, x: x, mark: mark, axis: verticalAxis)
    }

    /// A finite number.
    func finite(_ node: JSONNode, _ path: String) throws(SpecError) -> Double {
        let v = try number(node, path)
        guard v.isFinite, abs(v) < 1e300 else { throw fail(node, path, "\(numberText(node)) is out of range") }
        return v
    }

    /// A marker: a shape name, or `{"shape", "size", "fill"}` where `fill` may be `"none"` for a hollow marker.
    func marker(_ node: JSONNode, _ path: String, defaultSize: Double) throws(SpecError) -> MarkerSpec {
        if case .string = node.value {
            return MarkerSpec(shape: try choice(node, path, "marker shape"), size: defaultSize)
        }
        let o = try object(node, path, keys: MarkerKey.self)
        var spec = MarkerSpec(size: defaultSize)
        if let n = o[.shape] { spec.shape = try choice(n, path + ".shape", "marker shape") }
        if let n = o[.size] { spec.size = try positive(n, path + ".size", max: 500, unit: " pixels") }
        if let n = o[.fill] {
            spec.fill = (try? string(n, path + ".fill")) == "none" ? .transparent : try color(n, path + ".fill")
        }
        return spec
    }

    /// A dash pattern: lengths in pixels, or one of the named styles, which scale with the line width.
    func dashPattern(_ node: JSONNode, _ path: String, width: Double) throws(SpecError) -> [Double] {
        if case .string(let text) = node.value {
            switch text {
            case "solid": return []
            // Round caps add half a width at each end of every dash, so the gaps are widened to match.
            case "dashed": return [3 * width, 3 * width]
            case "dotted": return [0.25 * width, 2.25 * width]
            default:
                var message = "unknown dash style \(quoted(text))"
                if let s = closestMatch(to: text, in: ["solid", "dashed", "dotted"]) { message += "; did you mean \(quoted(s))?" }
                throw fail(node, path, message + " (supported: solid, dashed, dotted, or an array of lengths)")
            }
        }
        guard case .array(let elements) = node.value else {
            throw fail(node, path, "expected an array of lengths or \"solid\", \"dashed\" or \"dotted\", found \(node.value.kindDescription)")
        }
        guard elements.count <= 64 else { throw fail(node, path, "too long; at most 64 lengths") }
        var pattern: [Double] = []
        for (i, element) in elements.enumerated() {
            let v = try number(element, path + "[\(i)]")
            guard v >= 0, v <= 10_000 else {
                throw fail(element, path + "[\(i)]", "\(numberText(element)) is out of range; expected 0 to 10000 pixels")
            }
            pattern.append(v)
        }
        if !pattern.isEmpty && !pattern.contains(where: { $0 > 0 }) {
            throw fail(node, path, "all lengths are 0; use [] for a solid line")
        }
        return pattern
    }

    /// Error bars from `yError` (symmetric) or `yLower` and `yUpper` (both), or nil for none.
    func errorBars(_ columns: inout SeriesColumns, y: [Double], count: Int, path: String) throws(SpecError) -> ErrorBars? {
        let error = try columns.optional(.yError, count: count, decoder: self)
        let lower = try columns.optional(.yLower, count: count, decoder: self)
        let upper = try columns.optional(.yUpper, count: count, decoder: self)
        if let error {
            if let other = columns.node(for: .yLower) ?? columns.node(for: .yUpper) {
                throw fail(other, path, "give either \"yError\" or \"yLower\" and \"yUpper\", not both")
            }
            return ErrorBars(y: y, error: error)
        }
        switch (lower, upper) {
        case (nil, nil): return nil
        case let (l?, u?): return ErrorBars(lower: l, upper: u)
        default:
            let given: DataKey = lower == nil ? .yUpper : .yLower
            let node = columns.node(for: given) ?? columns.seriesNode
            throw fail(node, path, "error bars need both \"yLower\" and \"yUpper\" (or \"yError\" for symmetric ones)")
        }
    }

    /// A histogram's bin centres, counts and edges from the raw values in `x`.
    ///
    /// `bins: N` splits the values' range into N equal bins, the last one closed, as NumPy's
    /// `histogram` does; `binWidth: w` starts the first bin at a multiple of w below the smallest value.
    mutating func histogram(_ o: ObjectView<SeriesKey>, _ columns: inout SeriesColumns, path: String, node: JSONNode)
        throws(SpecError) -> ([Double], [Double], [Double]) {
        if let yNode = columns.node(for: .y) {
            throw fail(yNode, path + ".y", "a histogram counts its \"x\" values; leave out \"y\"")
        }
        if o[.bins] != nil, let w = o[.binWidth] {
            throw fail(w, path, "give either \"bins\" or \"binWidth\", not both")
        }
        guard let raw = try columns.xNumbers(decoder: self) else {
            throw fail(node, path, "missing \"x\", the values a histogram counts")
        }
        let values = raw.filter(\.isFinite)
        guard let lo = values.min(), let hi = values.max() else {
            throw fail(columns.node(for: .x) ?? node, path + ".x", "has no numbers to count")
        }
        totalPoints += raw.count
        if totalPoints > maximumPoints {
            throw fail(node, path, "too many points: more than \(maximumPoints) in all series together")
        }
        var edges: [Double] = []
        if let b = o[.bins] {
            let count = try integer(b, path + ".bins", in: 1...10_000)
            let (start, end) = lo < hi ? (lo, hi) : (lo - 0.5, hi + 0.5)
            let step = (end - start) / Double(count)
            edges = (0...count).map { start + Double($0) * step }
            edges[count] = end
        } else if let w = o[.binWidth] {
            let width = try number(w, path + ".binWidth")
            guard width > 0, width.isFinite else { throw fail(w, path + ".binWidth", "\(numberText(w)) must be greater than 0") }
            let start = (lo / width).rounded(.down) * width
            let bins = ((hi - start) / width).rounded(.down) + 1
            guard bins.isFinite, bins <= 10_000 else {
                throw fail(w, path + ".binWidth", "\(numberText(w)) gives more than 10000 bins over the values; use a larger width")
            }
            edges = (0...Int(bins)).map { start + Double($0) * width }
        }
        // Bins must have room between their edges: values so large that ±0.5 or a step is lost in
        // rounding, or a range that overflows, cannot be binned.
        guard edges.count >= 2, edges.allSatisfy(\.isFinite), zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw fail(columns.node(for: .x) ?? node, path + ".x", "spans a range that cannot be split into bins (from \(format(lo)) to \(format(hi)))")
        }
        let binCount = edges.count - 1
        var counts = [Double](repeating: 0, count: binCount)
        let start = edges[0], end = edges[binCount]
        for v in values {
            // The position estimate can be off by one near an edge through rounding; the edges decide.
            let estimate = ((v - start) / (end - start) * Double(binCount)).rounded(.down)
            var i = estimate.isFinite ? Int(min(max(estimate, 0), Double(binCount - 1))) : 0
            while i > 0, v < edges[i] { i -= 1 }
            while i < binCount - 1, v >= edges[i + 1] { i += 1 }
            counts[i] += 1
        }
        let centers = (0..<binCount).map { (edges[$0] + edges[$0 + 1]) / 2 }
        return (centers, counts, edges)
    }
}
