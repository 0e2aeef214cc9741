using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsGraph.Storage.Queries;

namespace NewsGraph.Storage.Export;

/// <summary>
/// Events as CSV (RFC 4180): a header, one row per stored event mention, CRLF line ends. Every
/// text cell is quoted (inner quotes doubled), so commas, quotes and line breaks in news text
/// stay inside their cell; a text cell that a spreadsheet would run as a formula (it starts with
/// = + - @, a tab or a carriage return) gets a leading apostrophe. Numbers are written bare.
/// </summary>
public static class CsvEventExport
{
    public static readonly string[] Header =
    [
        "event_id", "article_id", "day", "source", "source_name", "target", "target_name", "code", "base_code",
        "root_code", "quad_class", "goldstein", "modality", "negated", "claimant", "text", "start", "end",
        "article_tone", "url", "article_source", "title",
    ];

    public static long Write(SqliteConnection connection, DateWindow window, TextWriter output)
    {
        var line = new StringBuilder(512);
        line.AppendJoin(',', Header).Append("\r\n");
        output.Write(line);
        long written = 0;
        foreach (var e in EventQueries.Events(connection, new EventFilter { Window = window }))
        {
            line.Clear();
            line.Append(e.EventId.ToString(CultureInfo.InvariantCulture)).Append(',');
            Text(line, e.ArticleId).Append(',');
            Text(line, e.Day).Append(',');
            Text(line, e.Source).Append(',');
            Text(line, e.SourceText).Append(',');
            Text(line, e.Target).Append(',');
            Text(line, e.TargetText).Append(',');
            Text(line, e.Code).Append(',');
            Text(line, e.BaseCode).Append(',');
            Text(line, e.RootCode).Append(',');
            line.Append(e.QuadClass.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(GdeltText.Number(e.Goldstein, "0.0")).Append(',');
            Text(line, e.Modality).Append(',');
            line.Append(e.Negated ? "true" : "false").Append(',');
            Text(line, e.Claimant).Append(',');
            Text(line, e.Text).Append(',');
            line.Append(e.Start.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(e.End.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(e.ArticleTone is { } tone ? GdeltText.Number(tone) : "").Append(',');
            Text(line, e.Url).Append(',');
            Text(line, e.ArticleSource).Append(',');
            Text(line, e.Title).Append("\r\n");
            output.Write(line);
            written++;
        }
        return written;
    }

    /// <summary>A quoted text cell; null is an empty, unquoted cell.</summary>
    public static StringBuilder Text(StringBuilder line, string? value)
    {
        if (value is null) return line;
        line.Append('"');
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') line.Append('\'');
        foreach (var c in value)
        {
            if (c == '"') line.Append('"');
            line.Append(c);
        }
        return line.Append('"');
    }
}
