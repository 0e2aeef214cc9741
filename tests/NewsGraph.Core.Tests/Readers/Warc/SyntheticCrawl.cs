using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsGraph.Testing;

/// <summary>
/// Writes WARC and WET files shaped like Common Crawl's: a warcinfo record, then for each
/// fetched URL a request, a response (HTTP head and a news page in one of several site
/// layouts, with navigation, scripts and footers around the article) and a metadata record;
/// among them robots.txt, images, redirects and 404s, as a real crawl holds. Each record is
/// its own gzip member when compressed. Shared by the tests and bench/WarcBench (there is no
/// Common Crawl sample on this machine, and a test must not depend on one).
/// </summary>
public sealed class SyntheticCrawl(int seed)
{
    public sealed record Page(string Url, string Site, string Title, string Byline, string Date, IReadOnlyList<string> Paragraphs);

    /// <summary>What a written archive holds: the pages, and each record's offset in the (decompressed) file.</summary>
    public sealed class Written
    {
        public List<Page> Pages { get; } = new();
        public List<(string Type, string? Uri, long Offset, long CompressedOffset)> Records { get; } = new();
    }

    private readonly Random _random = new(seed);
    private int _serial;

    private static readonly string[] Sites = ["harbourgazette.example", "northerntimes.example", "citydesk.example", "valleypost.example"];
    private static readonly string[] Subjects =
    [
        "The city council", "The port authority", "The health ministry", "Prosecutors", "The central bank", "Union leaders",
        "The regional assembly", "Fire crews", "The transport minister", "Police", "Residents", "The opposition party",
        "Hospital managers", "The energy regulator", "Farmers", "The school board", "Coastguard officials", "Economists",
    ];
    private static readonly string[] Verbs =
    [
        "approved", "rejected", "delayed", "announced", "criticised", "defended", "proposed", "investigated", "cut", "raised",
        "suspended", "extended", "reviewed", "welcomed", "challenged", "confirmed", "questioned", "postponed",
    ];
    private static readonly string[] Objects =
    [
        "a plan to rebuild the sea wall", "the budget for next year", "new limits on overtime", "a rise in water charges",
        "the closure of two rural clinics", "a contract for electric buses", "plans for a 40-storey tower", "the strike ballot",
        "an inquiry into ferry safety", "the interest rate", "funding for flood defences", "a ban on night flights",
        "the merger of three hospitals", "a pilot scheme for free school meals", "the sale of the old gasworks site",
    ];
    private static readonly string[] Whens = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "last week", "late on Sunday"];
    private static readonly string[] People =
    [
        "Maria Okafor", "Tomasz Nowak", "Liisa Korhonen", "Agnes Lind", "Pekka Rantanen", "Ruth Adeyemi", "Hélène Dubois",
        "Sam Ortiz", "Olena Shevchenko", "Jon Pell", "Anna Virtanen", "Ivan Petrenko", "Grace Mensah", "Kenji Watanabe",
    ];
    private static readonly string[] Roles = ["a spokesperson", "the chief executive", "the council leader", "a senior official", "the union secretary", "the mayor"];
    private static readonly string[] Clauses =
    [
        "citing rising costs", "after months of talks", "despite protests outside the building", "in a vote of 31 to 12",
        "following a report by independent auditors", "as the deadline approached", "amid concern over safety",
        "after a petition signed by thousands of residents", "without giving a reason", "in a move that surprised analysts",
    ];

    public Page NextPage()
    {
        int n = ++_serial;
        var site = Pick(Sites);
        var subject = Pick(Subjects);
        var title = $"{subject} {Pick(Verbs)} {Pick(Objects)}";
        title = char.ToUpperInvariant(title[0]) + title[1..];
        var day = new DateTime(2024, 1, 1).AddDays(_random.Next(0, 59)).AddMinutes(_random.Next(0, 24 * 60));
        var paragraphs = new List<string>();
        int count = _random.Next(6, 16);
        paragraphs.Add($"{subject} {Pick(Verbs)} {Pick(Objects)} {Pick(Whens)}, {Pick(Clauses)}.");
        for (int i = 1; i < count; i++)
        {
            var sb = new StringBuilder();
            int sentences = _random.Next(2, 5);
            for (int s = 0; s < sentences; s++)
            {
                if (s > 0) sb.Append(' ');
                switch (_random.Next(4))
                {
                    case 0:
                        sb.Append($"\u201C{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)},\u201D said {Pick(People)}, {Pick(Roles)}.");
                        break;
                    case 1:
                        sb.Append($"The figure was {_random.Next(2, 900)} million euros, up {_random.Next(1, 40)} per cent on {2015 + _random.Next(0, 9)}.");
                        break;
                    case 2:
                        sb.Append($"{Pick(People)} said {Pick(Subjects).ToLowerInvariant()} had {Pick(Verbs)} {Pick(Objects)} {Pick(Clauses)}.");
                        break;
                    default:
                        sb.Append($"{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)} {Pick(Whens)}.");
                        break;
                }
            }
            paragraphs.Add(sb.ToString());
        }
        var slug = string.Join('-', title.ToLowerInvariant().Split(' ').Take(6)).Replace(",", "");
        var url = $"https://www.{site}/news/{day:yyyy/MM/dd}/{slug}-{n}";
        return new Page(url, site, title, Pick(People), day.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), paragraphs);
    }

    /// <summary>The page as its site would serve it: one of four layouts, with the furniture real pages carry.</summary>
    public string Html(Page page)
    {
        var h = new StringBuilder(64 << 10);
        int layout = Array.IndexOf(Sites, page.Site);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        h.Append($"<title>{Escape(page.Title)} | {page.Site}</title>\n");
        h.Append($"<meta property=\"og:title\" content=\"{Escape(page.Title)}\">\n<meta property=\"article:published_time\" content=\"{page.Date}\">\n");
        h.Append("<link rel=\"stylesheet\" href=\"/static/css/main.4f2a9c.css\">\n<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-XXXX');</script>\n");
        // Inline styles, scripts, icons and structured data make up most of a real page's bytes
        // (Common Crawl's HTML averages tens of kilobytes for a few of text).
        h.Append("<style>").Append(SiteStyles(page.Site)).Append("</style>\n");
        h.Append($"<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{Escape(page.Title)}\",\"datePublished\":\"{page.Date}\",\"author\":{{\"@type\":\"Person\",\"name\":\"{Escape(page.Byline)}\"}},\"publisher\":{{\"@type\":\"Organization\",\"name\":\"{page.Site}\"}}}}</script>\n");
        for (int i = 0; i < 3 + layout; i++)
            h.Append($"<script>(function(w,d){{var s=d.createElement('script');s.async=true;s.src='https://cdn.{page.Site}/js/module-{_random.Next(1000, 9999)}.js';d.head.appendChild(s);w.__cfg_{i}={{region:'eu',slot:{_random.Next(100)},lazy:true}};}})(window,document);</script>\n");
        h.Append("<script>").Append(Bundle(_random.Next(12_000, 40_000))).Append("</script>\n");
        h.Append("</head><body class=\"article-page layout-").Append(layout).Append("\">\n");
        h.Append(Icons(page.Site));
        h.Append("<div id=\"consent\" class=\"cmp-banner\" role=\"dialog\"><p>We and our 842 partners use cookies to personalise content and ads, to provide social media features and to analyse our traffic.</p><button class=\"cmp-accept\">Accept all</button><button class=\"cmp-reject\">Reject all</button><a href=\"/privacy\">Manage preferences</a></div>\n");
        h.Append("<header class=\"site-header\"><nav class=\"main-nav\"><ul>");
        foreach (var section in (string[])["Home", "News", "World", "Business", "Politics", "Sport", "Culture", "Opinion", "Weather", "Podcasts", "Newsletters"])
            h.Append($"<li class=\"nav-item\"><a class=\"nav-link\" href=\"/{section.ToLowerInvariant()}/\">{section}</a></li>");
        h.Append("</ul></nav></header>\n<main id=\"content\">\n");
        switch (layout)
        {
            case 0:
                h.Append("<article class=\"post\"><h1 class=\"entry-title\">").Append(Escape(page.Title)).Append("</h1>");
                h.Append($"<div class=\"byline\">By <a href=\"/author/{Slug(page.Byline)}\">{Escape(page.Byline)}</a> · <time datetime=\"{page.Date}\">{page.Date[..10]}</time></div><div class=\"entry-content\">");
                foreach (var p in page.Paragraphs) h.Append("<p>").Append(Escape(p)).Append("</p>\n");
                h.Append("</div></article>");
                break;
            case 1:
                h.Append("<div class=\"story\"><div class=\"story-head\"><h1>").Append(Escape(page.Title)).Append("</h1>");
                h.Append($"<p class=\"meta\"><span class=\"author\">{Escape(page.Byline)}</span> <span class=\"date\">{page.Date}</span></p></div><div class=\"story-body\">");
                for (int i = 0; i < page.Paragraphs.Count; i++)
                {
                    h.Append("<p class=\"para\">").Append(Escape(page.Paragraphs[i])).Append("</p>\n");
                    if (i == 2) h.Append("<div class=\"ad-slot\" data-slot=\"mid-article\"><script>loadAd('mid');</script></div>\n");
                }
                h.Append("</div></div>");
                break;
            case 2:
                h.Append("<section class=\"article\"><h1 itemprop=\"headline\">").Append(Escape(page.Title)).Append("</h1>");
                h.Append($"<figure><img src=\"/img/{_random.Next(10000)}.jpg\" alt=\"\"><figcaption>File photo.</figcaption></figure><div itemprop=\"articleBody\">");
                foreach (var p in page.Paragraphs) h.Append("<p>").Append(Escape(p)).Append("</p>");
                h.Append("</div></section>");
                break;
            default:
                h.Append("<div id=\"article\"><h2 class=\"headline\">").Append(Escape(page.Title)).Append("</h2><table class=\"layout\"><tr><td class=\"body\">");
                foreach (var p in page.Paragraphs) h.Append(Escape(p)).Append("<br><br>\n");
                h.Append("</td></tr></table></div>");
                break;
        }
        h.Append("\n<aside class=\"related\"><h3>Most read</h3><ol>");
        for (int i = 0; i < 8; i++)
        {
            var other = $"{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)}";
            h.Append($"<li><a href=\"/news/{_random.Next(100000)}\">{Escape(other)}</a></li>");
        }
        h.Append("</ol></aside>\n<section class=\"more-stories\" data-component=\"story-grid\">");
        // Teaser cards: the repeated markup that makes up much of a news page.
        for (int i = 0; i < 24; i++)
        {
            var other = $"{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)}";
            h.Append($"<div class=\"c-card c-card--compact c-card--with-image\" data-track-position=\"{i}\"><a class=\"c-card__link js-track-click\" data-track-label=\"more-stories\" href=\"/news/{_random.Next(100000)}\">");
            h.Append($"<picture class=\"c-card__picture\"><source srcset=\"/img/{_random.Next(100000)}-320.webp 320w, /img/{_random.Next(100000)}-640.webp 640w\" type=\"image/webp\"><img class=\"c-card__image\" loading=\"lazy\" width=\"320\" height=\"180\" alt=\"\"></picture>");
            h.Append($"<span class=\"c-card__kicker\">{Pick(["Politics", "Business", "World", "Local"])}</span><h3 class=\"c-card__headline\">{Escape(other)}</h3></a></div>\n");
        }
        h.Append("</section></main>\n<footer class=\"site-footer\"><ul>");
        foreach (var link in (string[])["About us", "Contact", "Advertise", "Privacy policy", "Cookie settings", "Terms of use", "Accessibility", "Careers", "Archive", "RSS"])
            h.Append($"<li><a href=\"/{Slug(link)}\">{link}</a></li>");
        h.Append($"</ul><p>&copy; 2024 {page.Site}. All rights reserved.</p></footer>\n</body></html>\n");
        return h.ToString();
    }

    private readonly Dictionary<string, string> _styles = new(), _icons = new();

    private string SiteStyles(string site)
    {
        if (_styles.TryGetValue(site, out var css)) return css;
        var sb = new StringBuilder();
        string[] props = ["margin", "padding", "color", "font-size", "line-height", "display", "border-bottom", "max-width", "background", "letter-spacing"];
        for (int i = 0; i < 180; i++)
        {
            sb.Append($".c-{Ident(3)}-{Ident(2)}{{");
            for (int k = 0; k < 3; k++) sb.Append($"{props[_random.Next(props.Length)]}:{_random.Next(0, 64)}px;");
            sb.Append($"color:#{_random.Next(0x1000000):x6}}}");
        }
        return _styles[site] = sb.ToString();
    }

    private string Icons(string site)
    {
        if (_icons.TryGetValue(site, out var svg)) return svg;
        var sb = new StringBuilder("<svg style=\"display:none\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < 14; i++)
        {
            sb.Append($"<symbol id=\"icon-{Ident(5)}\" viewBox=\"0 0 24 24\"><path d=\"M");
            for (int k = 0; k < 30; k++) sb.Append($"{_random.Next(0, 24)}.{_random.Next(0, 99)} {_random.Next(0, 24)}.{_random.Next(0, 99)} ");
            sb.Append("z\"/></symbol>");
        }
        sb.Append("</svg>\n");
        return _icons[site] = sb.ToString();
    }

    private static readonly string[] CodeFragments =
    [
        "function(e,t,n){", "return ", "void 0", "!0", "!1", "===", "!==", ".prototype.", "typeof ", "\"undefined\"", "null", "this.",
        ".length", ".push(", ".call(", ".apply(", "Object.defineProperty(", "exports,", "\"__esModule\",{value:!0}", "new Promise(",
        "document.querySelector(", "addEventListener(\"click\",", "window.", "try{", "}catch(e){}", "for(var ", "=0;", "<", "++)", "if(",
        "else{", "}", "{", ")", "(", ";", ",", "&&", "||", "?", ":", "=", "+", "JSON.parse(", "setTimeout(", "Math.floor(",
    ];

    /// <summary>Something like a minified script bundle: idioms repeated, short identifiers, a few numbers.</summary>
    private string Bundle(int length)
    {
        var sb = new StringBuilder(length + 64);
        while (sb.Length < length)
        {
            int r = _random.Next(10);
            if (r < 6) sb.Append(CodeFragments[_random.Next(CodeFragments.Length)]);
            else if (r < 9) sb.Append(Ident(2));
            else sb.Append(_random.Next(100));
        }
        return sb.ToString();
    }

    private string[]? _identifiers;

    /// <summary>A minifier's identifiers: short, and the same few hundred again and again.</summary>
    private string Ident(int length)
    {
        _identifiers ??= Enumerable.Range(0, 120).Select(i => NewIdent(1 + i % 3)).ToArray();
        return length <= 3 ? _identifiers[_random.Next(_identifiers.Length)] : NewIdent(length);
    }

    private string NewIdent(int length)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
        return string.Create(length, _random, (span, r) => { for (int i = 0; i < span.Length; i++) span[i] = letters[r.Next(letters.Length)]; });
    }

    /// <summary>The page's text as Common Crawl's WET extraction gives it: every block a line, furniture included.</summary>
    public static string WetText(Page page)
    {
        var t = new StringBuilder();
        t.Append($"{page.Title} | {page.Site}\n");
        t.Append("Home\nNews\nWorld\nBusiness\nPolitics\nSport\n");
        t.Append(page.Title).Append('\n');
        t.Append($"By {page.Byline}\n");
        foreach (var p in page.Paragraphs) t.Append(p).Append('\n');
        t.Append("Most read\nAbout us\nContact\nPrivacy policy\n");
        t.Append($"© 2024 {page.Site}. All rights reserved.\n");
        return t.ToString();
    }

    /// <summary>Writes a WARC of <paramref name="pages"/> news pages and the other records a crawl holds around them.</summary>
    public Written WriteWarc(Stream output, int pages, bool gzip)
    {
        var written = new Written();
        using var writer = new WarcWriter(output, gzip);
        writer.Write(written, "warcinfo", null, "application/warc-fields",
            Encoding.UTF8.GetBytes("software: NewsGraph SyntheticCrawl\r\nformat: WARC File Format 1.0\r\nisPartOf: SYNTHETIC-2024-10\r\n"));
        for (int i = 0; i < pages; i++)
        {
            if (i % 10 == 3) WriteOther(writer, written);
            var page = NextPage();
            written.Pages.Add(page);
            var request = $"GET {new Uri(page.Url).PathAndQuery} HTTP/1.1\r\nHost: www.{page.Site}\r\nUser-Agent: CCBot/2.0\r\nAccept: text/html\r\n\r\n";
            writer.Write(written, "request", page.Url, "application/http; msgtype=request", Encoding.ASCII.GetBytes(request));
            var body = Encoding.UTF8.GetBytes(Html(page));
            writer.Write(written, "response", page.Url, "application/http; msgtype=response", HttpResponse(200, "OK", "text/html; charset=UTF-8", body));
            writer.Write(written, "metadata", page.Url, "application/warc-fields",
                Encoding.UTF8.GetBytes($"fetchTimeMs: {_random.Next(50, 900)}\r\ncharset-detected: UTF-8\r\n"));
        }
        return written;
    }

    /// <summary>Writes a WET file: a warcinfo record, then one conversion record of text per page.</summary>
    public Written WriteWet(Stream output, int pages, bool gzip)
    {
        var written = new Written();
        using var writer = new WarcWriter(output, gzip);
        writer.Write(written, "warcinfo", null, "application/warc-fields", Encoding.UTF8.GetBytes("software: NewsGraph SyntheticCrawl\r\nformat: WARC File Format 1.0\r\n"));
        for (int i = 0; i < pages; i++)
        {
            var page = NextPage();
            written.Pages.Add(page);
            writer.Write(written, "conversion", page.Url, "text/plain", Encoding.UTF8.GetBytes(WetText(page)));
        }
        return written;
    }

    private void WriteOther(WarcWriter writer, Written written)
    {
        var site = Pick(Sites);
        switch (_random.Next(4))
        {
            case 0:
                writer.Write(written, "response", $"https://www.{site}/robots.txt", "application/http; msgtype=response",
                    HttpResponse(200, "OK", "text/plain", Encoding.ASCII.GetBytes("User-agent: *\nDisallow: /search\nSitemap: /sitemap.xml\n")));
                break;
            case 1:
                var image = new byte[_random.Next(2000, 20000)];
                _random.NextBytes(image);
                image[0] = 0xFF; image[1] = 0xD8; image[2] = 0xFF;
                writer.Write(written, "response", $"https://www.{site}/img/{_random.Next(100000)}.jpg", "application/http; msgtype=response", HttpResponse(200, "OK", "image/jpeg", image));
                break;
            case 2:
                writer.Write(written, "response", $"http://{site}/", "application/http; msgtype=response",
                    HttpResponse(301, "Moved Permanently", "text/html", Encoding.ASCII.GetBytes($"<html><body>Moved to <a href=\"https://www.{site}/\">here</a></body></html>"), $"Location: https://www.{site}/\r\n"));
                break;
            default:
                writer.Write(written, "response", $"https://www.{site}/news/missing-{_random.Next(1000)}", "application/http; msgtype=response",
                    HttpResponse(404, "Not Found", "text/html; charset=utf-8", Encoding.ASCII.GetBytes("<html><head><title>Page not found</title></head><body><h1>Sorry, we could not find that page</h1></body></html>")));
                break;
        }
    }

    public static byte[] HttpResponse(int status, string reason, string contentType, byte[] body, string extraHeaders = "")
    {
        var head = $"HTTP/1.1 {status} {reason}\r\nDate: Tue, 05 Mar 2024 14:30:00 GMT\r\nServer: nginx\r\nContent-Type: {contentType}\r\n" +
                   $"X-Crawler-Content-Length: {body.Length}\r\nContent-Length: {body.Length}\r\n{extraHeaders}Connection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private static string Escape(string s) => System.Net.WebUtility.HtmlEncode(s);

    private static string Slug(string s) => s.ToLowerInvariant().Replace(' ', '-');
}

/// <summary>Writes WARC records, each its own gzip member when compressing (as Common Crawl does, so readers can seek to one record).</summary>
public sealed class WarcWriter(Stream output, bool gzip) : IDisposable
{
    private long _offset;
    private readonly CountingStream _counted = new(output);
    private int _serial;

    public long Offset => _offset;

    public void Write(SyntheticCrawl.Written? log, string type, string? uri, string contentType, byte[] block, IEnumerable<string>? extraFields = null)
    {
        var header = new StringBuilder();
        header.Append("WARC/1.0\r\n");
        header.Append($"WARC-Type: {type}\r\n");
        header.Append($"WARC-Date: 2024-03-{1 + _serial % 28:D2}T{_serial % 24:D2}:{_serial % 60:D2}:00Z\r\n");
        header.Append($"WARC-Record-ID: <urn:uuid:{new Guid(_serial++, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0])}>\r\n");
        if (uri is not null) header.Append($"WARC-Target-URI: {uri}\r\n");
        header.Append($"Content-Type: {contentType}\r\n");
        foreach (var field in extraFields ?? []) header.Append(field).Append("\r\n");
        header.Append($"Content-Length: {block.Length}\r\n\r\n");
        var bytes = Encoding.UTF8.GetBytes(header.ToString());
        log?.Records.Add((type, uri, _offset, _counted.Count));
        WriteRaw([.. bytes, .. block, .. "\r\n\r\n"u8]);
    }

    /// <summary>Writes bytes as they are (one gzip member of them when compressing): for damage a test puts between records.</summary>
    public void WriteRaw(byte[] bytes)
    {
        if (gzip)
        {
            using var member = new GZipStream(_counted, CompressionLevel.Optimal, leaveOpen: true);
            member.Write(bytes);
        }
        else _counted.Write(bytes);
        _offset += bytes.Length;
    }

    public void Dispose() => _counted.Flush();

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count;
        public override void Write(byte[] buffer, int offset, int count) { inner.Write(buffer, offset, count); Count += count; }
        public override void Write(ReadOnlySpan<byte> buffer) { inner.Write(buffer); Count += buffer.Length; }
        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
