using System.Text.Encodings.Web;
using System.Text.Json;
using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Serialization;

/// <summary>
/// Writes an article as one JSON object: the contract of <c>newsgraph extract</c>. Every
/// annotation's text is rendered from its span, and every offset is a code point offset
/// into <c>text</c> (see <see cref="CodePointOffsets"/>).
/// </summary>
public static class ArticleJsonWriter
{
    public static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    public static readonly JsonWriterOptions Pretty = Compact with { Indented = true };

    public sealed record Options(bool Tokens = false, bool Paragraphs = false, bool SentenceTones = false);

    public static void Write(Utf8JsonWriter w, Article a, Options? options = null)
    {
        options ??= new Options();
        var cp = new CodePointOffsets(a.Text);
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("source", a.Source);
        WriteNullable(w, "url", a.Url);
        w.WriteString("title", a.Title);
        WriteNullable(w, "date", a.Date);
        WriteNullable(w, "pageDate", a.PageDate);
        WriteNullable(w, "language", a.Language);
        w.WriteStartArray("authors");
        foreach (var author in a.Authors) w.WriteStringValue(author);
        w.WriteEndArray();
        w.WriteString("text", a.Text);
        w.WriteStartArray("captions");
        foreach (var caption in a.Captions) w.WriteStringValue(caption);
        w.WriteEndArray();
        if (options.Paragraphs) WritePairs(w, "paragraphs", a.Paragraphs, cp);
        WritePairs(w, "sentences", a.Sentences, cp);
        if (options.Tokens)
        {
            w.WriteStartArray("tokens");
            foreach (var t in a.Tokens)
            {
                w.WriteStartArray();
                w.WriteNumberValue(cp[t.Start]);
                w.WriteNumberValue(cp[t.End]);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }

        w.WriteStartArray("entities");
        foreach (var e in a.Entities)
        {
            w.WriteStartObject();
            WriteSpan(w, a, e.Span, cp);
            w.WriteString("type", e.Type);
            WriteNullable(w, "canonical", e.Canonical);
            WriteNullable(w, "entityId", e.EntityId);
            WriteNullable(w, "country", e.Country);
            WriteNullable(w, "role", e.Role);
            WriteNullable(w, "actor", e.Actor);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in a.Quotes)
        {
            w.WriteStartObject();
            WriteSpan(w, a, q.Span, cp);
            WriteNullable(w, "speaker", q.Speaker);
            WriteNullable(w, "speakerType", q.SpeakerType);
            WriteNullable(w, "speakerEntity", q.SpeakerEntity);
            if (q.SpeakerSpan is { } ss) { w.WriteNumber("speakerStart", cp[ss.Start]); w.WriteNumber("speakerEnd", cp[ss.End]); }
            WriteNullable(w, "verb", q.Verb);
            w.WriteBoolean("direct", q.Direct);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("amounts");
        foreach (var m in a.Amounts)
        {
            w.WriteStartObject();
            WriteSpan(w, a, m.Span, cp);
            w.WriteNumber("value", m.Value);
            WriteNullable(w, "unit", m.Unit);
            WriteNullable(w, "per", m.Per);
            WriteNullable(w, "object", m.Object);
            WriteNullable(w, "qualifier", m.Qualifier);
            if (m.High is { } high) w.WriteNumber("high", high);
            else w.WriteNull("high");
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("dates");
        foreach (var d in a.Dates)
        {
            w.WriteStartObject();
            WriteSpan(w, a, d.Span, cp);
            w.WriteString("value", d.Value);
            WriteNullable(w, "granularity", d.Granularity);
            w.WriteBoolean("estimated", d.Estimated);
            WriteNullable(w, "mod", d.Mod);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in a.Events)
        {
            w.WriteStartObject();
            WriteNullable(w, "source", e.Source);
            WriteNullable(w, "target", e.Target);
            WriteNullable(w, "sourceText", e.SourceSpan is { } s ? a.Slice(s) : null);
            WriteNullable(w, "targetText", e.TargetSpan is { } t ? a.Slice(t) : null);
            w.WriteString("code", e.Code);
            WriteNullable(w, "root", e.Root);
            w.WriteNumber("quadClass", e.QuadClass);
            w.WriteNumber("goldstein", e.Goldstein);
            w.WriteString("modality", e.Modality);
            w.WriteBoolean("negated", e.Negated);
            WriteNullable(w, "claimant", e.Claimant);
            w.WriteNumber("start", cp[e.Span.Start]);
            w.WriteNumber("end", cp[e.Span.End]);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("counts");
        foreach (var c in a.Counts)
        {
            w.WriteStartObject();
            WriteSpan(w, a, c.Span, cp);
            w.WriteString("kind", c.Kind);
            w.WriteNumber("number", c.Number);
            WriteNullable(w, "object", c.Object);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (a.Tone is { } tone) WriteTone(w, "tone", tone);
        else w.WriteNull("tone");
        if (options.SentenceTones)
        {
            w.WriteStartArray("sentenceTones");
            foreach (var t in a.SentenceTones) WriteTone(w, null, t);
            w.WriteEndArray();
        }

        w.WriteStartArray("themes");
        foreach (var theme in a.Themes)
        {
            w.WriteStartObject();
            w.WriteString("theme", theme.Theme);
            w.WriteNumber("score", Math.Round(theme.Score, 4));
            w.WriteStartArray("triggers");
            foreach (var t in theme.Triggers)
            {
                w.WriteStartObject();
                WriteSpan(w, a, t, cp);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTone(Utf8JsonWriter w, string? name, Tone t)
    {
        if (name is null) w.WriteStartObject(); else w.WriteStartObject(name);
        w.WriteNumber("tone", Math.Round(t.Value, 4));
        w.WriteNumber("positive", Math.Round(t.Positive, 4));
        w.WriteNumber("negative", Math.Round(t.Negative, 4));
        w.WriteNumber("polarity", Math.Round(t.Polarity, 4));
        w.WriteNumber("activityDensity", Math.Round(t.ActivityDensity, 4));
        w.WriteNumber("selfGroupDensity", Math.Round(t.SelfGroupDensity, 4));
        w.WriteNumber("wordCount", t.WordCount);
        w.WriteEndObject();
    }

    public static string ToJson(Article article, bool pretty = false, Options? options = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, pretty ? Pretty : Compact))
            Write(w, article, options);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteSpan(Utf8JsonWriter w, Article a, Span span, CodePointOffsets cp)
    {
        w.WriteString("text", a.View(span));
        w.WriteNumber("start", cp[span.Start]);
        w.WriteNumber("end", cp[span.End]);
    }

    private static void WritePairs(Utf8JsonWriter w, string name, List<Span> spans, CodePointOffsets cp)
    {
        w.WriteStartArray(name);
        foreach (var s in spans)
        {
            w.WriteStartArray();
            w.WriteNumberValue(cp[s.Start]);
            w.WriteNumberValue(cp[s.End]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
