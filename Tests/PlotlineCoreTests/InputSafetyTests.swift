#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PlotlineCore

/// Text from files reaches the terminal escaped and bounded.
@Suite struct SafeTextTests {
    @Test func controlsAndBidiOverridesAreEscaped() {
        #expect(SafeText.quoted("a\u{1b}[31mb") == #""a\u{1b}[31mb""#)
        #expect(SafeText.quoted("x\u{202e}y\"z") == #""x\u{202e}y\"z""#)
        #expect(SafeText.line("file: \u{1b}]0;title\u{7}") == #"file: \u{1b}]0;title\u{7}"#)
        #expect(SafeText.line("plain text, left alone") == "plain text, left alone")
    }

    @Test func longTextIsCut() {
        #expect(SafeText.quoted(String(repeating: "a", count: 100), limit: 5) == "\"aaaaa…\"")
        let line = SafeText.line("start " + String(repeating: "x", count: 5_000_000) + " end")
        #expect(line.unicodeScalars.count == SafeText.maximumMessageLength)
        #expect(line.hasPrefix("start ") && line.hasSuffix(" end") && line.contains("…"))
    }
}

/// Only regular files are read, without blocking, within a cap.
@Suite struct InputFileTests {
    @Test func specialFilesAreRefusedAtOnce() {
        #expect(InputFile.read("/dev/zero", limit: 100) == .failure(InputFile.Failure("not a regular file (a character device)")))
        #expect(InputFile.read("/proc/self/environ", limit: 100) == .failure(InputFile.Failure("not a regular file (a procfs entry)")))
        #expect(InputFile.read("/", limit: 100) == .failure(InputFile.Failure("a folder, not a file")))
        let fifo = "/tmp/plotline-fifo-\(getpid())"
        mkfifo(fifo, 0o600)
        defer { unlink(fifo) }
        // Nobody writes to it: a blocking open would never return.
        #expect(InputFile.read(fifo, limit: 100) == .failure(InputFile.Failure("not a regular file (a FIFO)")))
        if case .failure(let missing) = InputFile.read("/nonexistent/file", limit: 100) {
            #expect(missing.isMissing)
        } else {
            Issue.record("a missing file was read")
        }
    }

    @Test func theCapIsEnforced() {
        let path = "/tmp/plotline-cap-\(getpid())"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = [UInt8](repeating: 65, count: 101).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        defer { unlink(path) }
        #expect(InputFile.read(path, limit: 100) == .failure(InputFile.Failure("larger than 100 bytes, the limit for this kind of file")))
        #expect((try? InputFile.read(path, limit: 101).get())?.count == 101)
    }
}
