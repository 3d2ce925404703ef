// libFuzzer owns `main` (-sanitize=fuzzer), so this file holds declarations only.
import PlotlineModel

/// Every way a column can be read, so each cell parser (decimal, formatted, ISO date, Unix time) sees every cell.
private let readings: [CellReading] = [.number, .formatted, .date(offset: 0), .unixTime(scale: 1)]

// Thrown errors are the expected outcome for most inputs; only crashes, hangs and memory blow-ups count.
/// libFuzzer's entry: parses the bytes as CSV and reads every column every way.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let table = try? CSVTable.parse(bytes, file: "fuzz.csv") else { return 0 }
    _ = table.rows
    for name in table.header {
        // Column lookups by name, including empty and duplicate-looking names.
        _ = table.column(named: name)
        for reading in readings {
            _ = try? table.values(inColumn: name, reading: reading)
        }
    }
    // A name that is absent exercises the suggestion ("did you mean …") path.
    _ = try? table.values(inColumn: "\u{1}missing", reading: .number)
    return 0
}
