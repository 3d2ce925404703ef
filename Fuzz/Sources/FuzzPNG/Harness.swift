// libFuzzer owns `main` (-sanitize=fuzzer), so this file holds declarations only.
import PlotlinePNG

// Thrown PNGErrors are the expected outcome for most inputs; only crashes, hangs and memory blow-ups count.
/// libFuzzer's entry: decodes the bytes as a PNG file through libpng's simplified API.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? PNGDecoder.decode(bytes)
    return 0
}
