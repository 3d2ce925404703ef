import Mustache

/// The default report templates; `plotline report --print-template` prints one to start a copy.
public enum ReportTemplates {
    /// The template for `format`.
    public static func `default`(for format: ReportFormat) -> String {
        switch format {
        case .html: html
        case .md: markdown
        }
    }

    /// A self-contained page: no scripts, no network; light and dark follow the reader's
    /// preference; printing puts one chart on each page.
    ///
    /// The page's CSS styles only its own classes, so it cannot reach into the inline SVGs, whose
    /// own styles are scoped to each chart's id. The markup is also well-formed XML (polyglot
    /// HTML5), so any XML tool can check it.
    public static let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="generator" content="{{generator}}"/>
        <title>{{title}}</title>
        <style>
        .plotline-report { --page: #ffffff; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --link: #0969da; }
        @media (prefers-color-scheme: dark) {
          .plotline-report { --page: #0d1117; --ink: #e6edf3; --muted: #9198a1; --rule: #3d444d; --link: #4493f8; }
        }
        body.plotline-report { margin: 0; padding: 24px 32px; background: var(--page); color: var(--ink); font: 16px/1.5 "DejaVu Sans", system-ui, sans-serif; }
        .plotline-report a { color: var(--link); }
        .plotline-report .report-header h1 { margin: 0 0 4px; font-size: 28px; }
        .plotline-report .report-meta { margin: 0 0 16px; color: var(--muted); font-size: 14px; }
        .plotline-report .report-toc { border-bottom: 1px solid var(--rule); margin-bottom: 24px; padding-bottom: 8px; }
        .plotline-report .report-toc h2 { font-size: 18px; margin: 0 0 4px; }
        .plotline-report .report-toc ol { margin: 0; padding-left: 24px; }
        .plotline-report .report-section h2 { font-size: 22px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
        .plotline-report figure.report-chart { margin: 0 0 40px; }
        .plotline-report figure.report-chart h3 { font-size: 18px; margin: 0 0 8px; }
        .plotline-report figure.report-chart > svg { display: block; max-width: 100%; height: auto; }
        .plotline-report .report-description { margin: 8px 0 4px; color: var(--muted); font-size: 14px; max-width: 80ch; }
        .plotline-report .report-files { margin: 0; font-size: 14px; }
        @media print {
          body.plotline-report { padding: 0; }
          .plotline-report .report-toc { break-after: page; }
          .plotline-report figure.report-chart { break-inside: avoid; break-after: page; }
          .plotline-report .report-files { display: none; }
        }
        </style>
        </head>
        <body class="plotline-report">
        <header class="report-header">
        <h1><bdi>{{title}}</bdi></h1>
        <p class="report-meta">{{chartCount}} charts, made by {{generator}}</p>
        </header>
        <nav class="report-toc" aria-label="Contents">
        <h2>Contents</h2>
        <ol>
        {{#toc}}
        {{#hasTitle}}<li><a href="#{{anchor}}"><bdi>{{title}}</bdi></a><ol>{{/hasTitle}}
        {{#charts}}<li><a href="#{{anchor}}"><bdi>{{title}}</bdi></a></li>
        {{/charts}}
        {{#hasTitle}}</ol></li>{{/hasTitle}}
        {{/toc}}
        </ol>
        </nav>
        <main>
        {{#sections}}
        <section class="report-section" id="{{anchor}}">
        {{#hasTitle}}<h2><bdi>{{title}}</bdi></h2>{{/hasTitle}}
        {{#charts}}
        <figure class="report-chart" id="{{anchor}}">
        <h3><bdi>{{title}}</bdi></h3>
        {{{svg}}}
        <figcaption>
        <p class="report-description"><bdi>{{description}}</bdi></p>
        <p class="report-files"><a href="{{pngPath}}">PNG</a> · <a href="{{svgPath}}">SVG</a></p>
        </figcaption>
        </figure>
        {{/charts}}
        </section>
        {{/sections}}
        </main>
        </body>
        </html>

        """

    /// A Markdown document that shows each chart's SVG as an image, with its description as the
    /// image's alternative text, by paths relative to the document (which work on code-hosting
    /// sites). Values are escaped for Markdown by the `MARKDOWN` content type; paths and anchors,
    /// already percent-encoded or made of letters, digits and hyphens, go in as they are.
    public static let markdown = """
        {{% CONTENT_TYPE: MARKDOWN}}
        # {{title}}

        {{chartCount}} charts, made by {{generator}}.

        {{#toc}}
        {{#hasTitle}}
        - [{{title}}](#{{{anchor}}})
        {{/hasTitle}}
        {{#charts}}
        {{#hasSections}}  {{/hasSections}}- [{{title}}](#{{{anchor}}})
        {{/charts}}
        {{/toc}}
        {{#sections}}

        {{#hasTitle}}
        <a id="{{{anchor}}}"></a>
        ## {{title}}

        {{/hasTitle}}
        {{#charts}}
        <a id="{{{anchor}}}"></a>
        ### {{title}}

        ![{{description}}]({{{svgPath}}})

        [PNG]({{{pngPath}}}) · [SVG]({{{svgPath}}})

        {{/charts}}
        {{/sections}}

        """

    /// Registers the `MARKDOWN` content type once: values escaped so that they stay text.
    static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()
}

/// Escapes text for Markdown: the characters that start emphasis, links, images, code, HTML,
/// entities and tables get a backslash, and line breaks become spaces, so a value cannot change the
/// document's structure. (Values never start a line, so `#`, `-`, `+` and `1.` need no escape.)
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "!", "|", "<", ">", "&", "~":
                out.append("\\")
                out.append(c)
            case "\n", "\r", "\r\n": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }
}
