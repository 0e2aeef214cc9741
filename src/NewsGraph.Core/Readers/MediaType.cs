namespace NewsGraph.Core.Readers;

/// <summary>A Content-Type header's media type and charset ("text/html; charset=ISO-8859-1").</summary>
public readonly record struct MediaType(string Type, string? Charset)
{
    public static MediaType Parse(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return new MediaType("", null);
        var parts = contentType.Split(';');
        var type = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        for (int i = 1; i < parts.Length; i++)
        {
            var p = parts[i].Trim();
            if (p.StartsWith("charset", StringComparison.OrdinalIgnoreCase))
            {
                int eq = p.IndexOf('=');
                if (eq > 0) charset = p[(eq + 1)..].Trim().Trim('"', '\'');
            }
        }
        return new MediaType(type, string.IsNullOrEmpty(charset) ? null : charset);
    }

    public bool IsHtml => Type is "text/html" or "application/xhtml+xml";

    /// <summary>The types feeds are served as, including the generic XML ones servers fall back to.</summary>
    public bool IsFeedLike => Type is "application/rss+xml" or "application/atom+xml" or "application/rdf+xml"
        or "application/xml" or "text/xml" or "application/x-rss+xml";

    public bool IsPlainText => Type is "text/plain";

    public bool IsEmpty => Type.Length == 0;
}
