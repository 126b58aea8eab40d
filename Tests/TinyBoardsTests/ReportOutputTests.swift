import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TinyBoards

/// The human table, the detail block and the SVG/HTML picture say what the maths found.
@Suite struct ReportOutputTests {
    typealias F = ReportFixtures

    static func reports() throws -> [DeploymentReport] {
        let fits = ReportCalculator.report(profile: try F.board(), config: try F.config(), footprint: F.footprint,
                                           measurements: try F.measurements(F.complete))
        let short = ReportCalculator.report(profile: try F.board(flash: 20_000), config: try F.config(),
                                            footprint: F.footprint, measurements: try F.measurements(F.complete))
        let unknown = ReportCalculator.report(profile: try F.board(), config: try F.config(), footprint: F.footprint,
                                              measurements: Measurements())
        return [fits, short, unknown]
    }

    @Test func groupsThousands() {
        #expect(ReportText.grouped(0) == "0" && ReportText.grouped(999) == "999" && ReportText.grouped(1000) == "1,000")
        #expect(ReportText.grouped(1_234_567) == "1,234,567" && ReportText.grouped(-3_600) == "-3,600")
    }

    @Test func textSaysFitShortfallAndMissing() throws {
        let r = try Self.reports()
        #expect(ReportText.detail(r[0]).contains("FITS") && ReportText.detail(r[0]).contains("headroom 76,400 B"))
        #expect(ReportText.detail(r[0]).contains("latency 20.00 ms"))
        #expect(ReportText.detail(r[1]).contains("SHORT by 3,600 B") && ReportText.detail(r[1]).contains("FAIL    flash short"))
        #expect(ReportText.detail(r[2]).contains("latency not measured") && ReportText.detail(r[2]).contains("missing instruction count"))
        let rows = ReportText.summary(r).split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows[1].hasSuffix("fits") && rows[2].hasSuffix("DOES NOT FIT") && rows[3].hasSuffix("incomplete"))
    }

    @Test func pictureIsWellFormedSVG() throws {
        let svg = ReportPicture.svg(try Self.reports())
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(svg.contains("does-not-fit") && svg.contains("#cf222e"))
        let html = ReportPicture.html(try Self.reports())
        #expect(html.hasPrefix("<!doctype html>") && html.contains("<svg") && html.contains("DOES NOT FIT"))
    }
}
