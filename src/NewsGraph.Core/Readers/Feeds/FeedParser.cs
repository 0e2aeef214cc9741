using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Readers.Feeds;

public enum FeedKind
{
    Rss,
    Rdf,
    Atom,
}

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds item by item. The XML is parsed without
/// DTD processing or external entities (a feed is untrusted: no billion laughs, no reading
/// local files through entity URLs) and with a bound on its size. The encoding comes from the
/// byte-order mark, then the XML declaration, then the HTTP charset, then UTF-8 if the bytes
/// are valid UTF-8, else Windows-1252 (see <see cref="TextDecoding"/>).
/// </summary>
public sealed class FeedParser : IDisposable
{
    /// <summary>A feed is a listing: even one carrying every article in full is a few megabytes.</summary>
    public const long MaxFeedChars = 64L << 20;

    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string Atom03Ns = "http://purl.org/atom/ns#";
    private const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Rss10Ns = "http://purl.org/rss/1.0/";
    private const string Rss09Ns = "http://my.netscape.com/rdf/simple/0.9/";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    private readonly DecodedText _decoded;
    private readonly XmlReader _xml;
    private readonly string? _sourceUrl;
    private string? _base;
    private readonly List<string> _feedAuthors = new();
    private bool _started, _rootSeen;
    private int _items;

    private FeedParser(DecodedText decoded, string? sourceUrl)
    {
        _decoded = decoded;
        _sourceUrl = sourceUrl;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1 << 16,
            MaxCharactersInDocument = MaxFeedChars,
            // Feeds are full of stray control characters pasted from word processors; keep reading, drop them later.
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        _xml = XmlReader.Create(decoded.Reader, settings);
    }

    public FeedKind Kind { get; private set; }
    public string? Title { get; private set; }
    /// <summary>The site the feed belongs to (the channel's link, Atom's alternate link).</summary>
    public string? Link { get; private set; }
    /// <summary>What went wrong, once <see cref="TryNext"/> has returned false because of bad input.</summary>
    public ReadProblem? Failure { get; private set; }
    public int Items => _items;

    /// <param name="httpCharset">The charset of the HTTP Content-Type the feed was served with, if any.</param>
    /// <param name="sourceUrl">Where the feed was fetched from: relative item links resolve against it.</param>
    public static FeedParser Open(SniffedInput input, string? httpCharset = null, string? sourceUrl = null)
    {
        var declared = XmlDeclaredEncoding(input.Head.Span) ?? httpCharset;
        return new FeedParser(DecodedText.Open(input, declared), sourceUrl);
    }

    /// <summary>Decoding trouble worth a warning (a fallback encoding, invalid bytes), or null.</summary>
    public ReadProblem? DecodingProblem(string source) => _decoded.Problem(source);

    /// <summary>Reads the next item; false at the end of the feed or when it cannot be read further (see <see cref="Failure"/>).</summary>
    public bool TryNext(string sourceName, out FeedItem item)
    {
        item = null!;
        if (Failure is not null) return false;
        try
        {
            return Advance(out item);
        }
        catch (XmlException e)
        {
            Failure = Describe(sourceName, e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
        {
            Failure = new ReadProblem(sourceName, ArticleReader.Describe(e), Position());
        }
        return false;
    }

    private bool Advance(out FeedItem item)
    {
        item = null!;
        bool moved = _started || _xml.Read();
        _started = true;
        while (moved && !_xml.EOF)
        {
            if (_xml.NodeType != XmlNodeType.Element)
            {
                moved = _xml.Read();
                continue;
            }
            if (_xml.Depth == 0)
            {
                Kind = RootKind(_xml.LocalName, _xml.NamespaceURI)
                    ?? throw new XmlException($"the root element is <{_xml.Name}>, not <rss>, <rdf:RDF> or an Atom <feed>");
                _base = Absolute(_xml.GetAttribute("xml:base"), _sourceUrl) ?? _sourceUrl;
                _rootSeen = true;
                moved = _xml.Read();
                continue;
            }
            if (IsItem(_xml.LocalName, _xml.NamespaceURI))
            {
                int line = (_xml as IXmlLineInfo)?.LineNumber ?? 0;
                // XNode.ReadFrom leaves the reader on the node after the item.
                var element = (XElement)XNode.ReadFrom(_xml);
                item = ParseItem(element, line);
                return true;
            }
            if (IsFeedMetadata())
            {
                var element = (XElement)XNode.ReadFrom(_xml);
                ReadFeedMetadata(element);
                continue;
            }
            moved = _xml.Read();
        }
        return false;
    }

    private static FeedKind? RootKind(string local, string ns) => (local, ns) switch
    {
        ("rss", "") => FeedKind.Rss,
        ("RDF", RdfNs) => FeedKind.Rdf,
        ("feed", AtomNs or Atom03Ns) => FeedKind.Atom,
        _ => null,
    };

    private bool IsItem(string local, string ns) => Kind switch
    {
        FeedKind.Atom => local == "entry" && ns is AtomNs or Atom03Ns,
        _ => local == "item" && ns is "" or Rss10Ns or Rss09Ns,
    };

    /// <summary>The channel's (or Atom feed's) own title, link and authors, which items inherit or resolve against.</summary>
    private bool IsFeedMetadata()
    {
        // rss > channel > title and rdf:RDF > channel > title, but feed > title.
        int depth = Kind == FeedKind.Atom ? 1 : 2;
        return _xml.Depth == depth && _xml.LocalName is "title" or "link" or "author";
    }

    private void ReadFeedMetadata(XElement element)
    {
        var name = element.Name.LocalName;
        if (name == "title" && Title is null) Title = MarkupText.ToLine(element.Value, TitleKind(element));
        else if (name == "link" && Link is null)
        {
            var href = element.Attribute("href")?.Value ?? (element.Name.NamespaceName is AtomNs or Atom03Ns ? null : element.Value);
            var rel = element.Attribute("rel")?.Value;
            if (href is not null && (rel is null or "alternate")) Link = Absolute(href.Trim(), _base);
        }
        else if (name == "author" && Kind == FeedKind.Atom)
            AddAuthor(_feedAuthors, element.Element(element.Name.Namespace + "name")?.Value ?? "");
    }

    private FeedItem ParseItem(XElement e, int line)
    {
        _items++;
        var itemBase = Absolute(e.Attribute(XNamespace.Xml + "base")?.Value, _base) ?? _base;
        string title = "";
        string? link = null, permalink = null, id = null;
        string? published = null, updated = null;
        var authors = new List<string>();
        FeedText? content = null, summary = null;

        foreach (var child in e.Elements())
        {
            string ns = child.Name.NamespaceName, local = child.Name.LocalName;
            bool core = ns is "" or AtomNs or Atom03Ns or Rss10Ns or Rss09Ns;
            switch (local)
            {
                case "title" when core && title.Length == 0:
                    title = MarkupText.ToLine(child.Value, TitleKind(child));
                    break;
                case "link" when core:
                    if (ns is AtomNs or Atom03Ns)
                    {
                        var rel = child.Attribute("rel")?.Value;
                        var type = child.Attribute("type")?.Value;
                        if ((rel is null or "alternate") && (link is null || type is "text/html"))
                            link = Absolute(child.Attribute("href")?.Value, itemBase) ?? link;
                    }
                    else link ??= Absolute(child.Value.Trim(), itemBase);
                    break;
                case "guid" when ns == "":
                    id = child.Value.Trim();
                    if (child.Attribute("isPermaLink")?.Value is not "false") permalink = Absolute(id, itemBase);
                    break;
                case "id" when ns is AtomNs or Atom03Ns:
                    id = child.Value.Trim();
                    break;
                case "pubDate" when ns == "":
                case "published" or "issued" or "created" when ns is AtomNs or Atom03Ns:
                case "date" or "created" or "issued" when ns == DcNs:
                    published ??= MachineDate.Normalize(child.Value);
                    break;
                case "updated" or "modified" when ns is AtomNs or Atom03Ns or DcNs:
                    updated ??= MachineDate.Normalize(child.Value);
                    break;
                case "author" when ns is AtomNs or Atom03Ns:
                    AddAuthor(authors, child.Element(child.Name.Namespace + "name")?.Value ?? "");
                    break;
                case "author" when ns == "":
                    AddAuthor(authors, RssAuthor(child.Value));
                    break;
                case "creator" when ns == DcNs:
                    AddAuthor(authors, child.Value);
                    break;
                case "encoded" when ns == ContentNs:
                    content = new FeedText(child.Value, FeedTextKind.Html);
                    break;
                case "content" when ns is AtomNs or Atom03Ns:
                    // Content by reference (src="...") is a link, not text.
                    if (child.Attribute("src") is null) content ??= AtomText(child);
                    break;
                case "description" when ns is "" or Rss10Ns or Rss09Ns:
                    summary ??= new FeedText(child.Value, FeedTextKind.Html);
                    break;
                case "summary" when ns is AtomNs or Atom03Ns:
                    summary ??= AtomText(child);
                    break;
                case "description" when ns == DcNs:
                    summary ??= new FeedText(child.Value, FeedTextKind.Html);
                    break;
            }
        }
        if (authors.Count == 0) authors.AddRange(_feedAuthors);
        return new FeedItem
        {
            Number = _items,
            Title = title,
            Link = link ?? permalink,
            Id = id,
            Date = published ?? updated,
            Authors = authors,
            Content = content is { Value.Length: > 0 } && !string.IsNullOrWhiteSpace(content.Value) ? content : null,
            Summary = summary is { } s && !string.IsNullOrWhiteSpace(s.Value) ? summary : null,
            Line = line,
        };
    }

    /// <summary>Atom's text constructs: type="text" (the default), "html" (escaped markup) or "xhtml" (inline markup in a div).</summary>
    private static FeedText AtomText(XElement element)
    {
        var type = element.Attribute("type")?.Value.Trim().ToLowerInvariant();
        switch (type)
        {
            case "xhtml" or "application/xhtml+xml":
                var div = element.Element(XName.Get("div", XhtmlNs)) ?? element;
                var html = new StringBuilder();
                foreach (var node in div.Nodes()) html.Append(node.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces));
                return new FeedText(html.ToString(), FeedTextKind.Html);
            case "html" or "text/html":
                return new FeedText(element.Value, FeedTextKind.Html);
            default:
                // Atom 0.3 wrote mode="escaped"; a missing type is text.
                return new FeedText(element.Value, element.Attribute("mode")?.Value == "escaped" ? FeedTextKind.Html : FeedTextKind.Text);
        }
    }

    /// <summary>RSS titles are plain text by the spec but entity-encoded HTML in practice; Atom says which.</summary>
    private static FeedTextKind TitleKind(XElement element) =>
        element.Attribute("type")?.Value is "text" ? FeedTextKind.Text : FeedTextKind.Html;

    /// <summary>RSS's author is an e-mail address, optionally with the name in parentheses: "desk@example.com (Jane Doe)".</summary>
    private static string RssAuthor(string value)
    {
        var v = value.Trim();
        int open = v.IndexOf('('), close = v.LastIndexOf(')');
        if (open >= 0 && close > open) return v[(open + 1)..close];
        return v.Contains('@') && !v.Contains(' ') ? "" : v;
    }

    /// <summary>Adds a byline's names: "By Jane Doe and John Roe" is two authors.</summary>
    private static void AddAuthor(List<string> authors, string byline)
    {
        var text = MarkupText.ToLine(byline, FeedTextKind.Html);
        if (text.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) text = text[3..];
        foreach (var part in text.Split([" and ", " & ", ";", " | "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "Doe, Jane" is one name; "Jane Doe, John Roe" is two.
            var pieces = part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var names = pieces.Length > 1 && pieces.All(p => p.Contains(' ')) ? pieces : [part];
            foreach (var name in names)
                if (name.Length is > 1 and < 120 && name.Any(char.IsLetter) && !authors.Contains(name)) authors.Add(name);
        }
    }

    /// <summary>An absolute http(s) address, resolving a relative one against <paramref name="baseUrl"/>; null for anything else.</summary>
    public static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Length > 4096) return null;
        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https") return abs.AbsoluteUri;
        if (href.Contains(':') && !href.StartsWith('/') && Uri.TryCreate(href, UriKind.Absolute, out _)) return null; // mailto:, javascript:, file:
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && b.Scheme is "http" or "https"
            && Uri.TryCreate(b, href, out var resolved) && resolved.Scheme is "http" or "https")
            return resolved.AbsoluteUri;
        return null;
    }

    /// <summary>The encoding an XML declaration names ("&lt;?xml version="1.0" encoding="ISO-8859-1"?&gt;").</summary>
    public static string? XmlDeclaredEncoding(ReadOnlySpan<byte> head)
    {
        int start = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = 3;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        var h = head[start..];
        if (!h.StartsWith("<?xml"u8)) return null;
        int end = h.IndexOf("?>"u8);
        if (end < 0 || end > 512) return null;
        var decl = Encoding.ASCII.GetString(h[..end]);
        int at = decl.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0) return null;
        int eq = decl.IndexOf('=', at);
        if (eq < 0) return null;
        var rest = decl[(eq + 1)..].TrimStart();
        if (rest.Length == 0 || rest[0] is not ('"' or '\'')) return null;
        int close = rest.IndexOf(rest[0], 1);
        return close > 1 ? rest[1..close] : null;
    }

    private ReadProblem Describe(string source, XmlException e)
    {
        var message = e.Message;
        int cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        message = message.TrimEnd('.', ' ');
        string reason;
        if (message.Contains("Unexpected end of file", StringComparison.Ordinal))
            reason = "truncated feed: the XML ends before its elements are closed" + (_items > 0 ? $" (after {_items} complete item{(_items == 1 ? "" : "s")})" : "");
        else if (message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
            reason = $"feed larger than {MaxFeedChars / (1 << 20)} M characters; read up to there";
        else if (!_rootSeen)
            reason = "not a well-formed XML feed: " + message;
        else reason = "malformed feed XML: " + message;
        var position = e.LineNumber > 0 ? $"line {e.LineNumber}, column {e.LinePosition}" : Position();
        return new ReadProblem(source, reason, position);
    }

    private string? Position() =>
        _xml is IXmlLineInfo info && info.HasLineInfo() && info.LineNumber > 0 ? $"line {info.LineNumber}" : null;

    public void Dispose()
    {
        _xml.Dispose();
        _decoded.Dispose();
    }
}
