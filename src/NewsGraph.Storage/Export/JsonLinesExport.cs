using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Export;

/// <summary>
/// Articles as JSON Lines: one stored article a line with all its facts (entities, quotes,
/// amounts, dates, events, counts, tone, themes), exactly the extract JSON contract. The
/// stored documents are compact JSON, in which a line break can only appear escaped.
/// </summary>
public static class JsonLinesExport
{
    public static long Write(SqliteConnection connection, DateWindow window, TextWriter output)
    {
        using var cmd = connection.CreateCommand();
        var condition = window.Condition(DateWindow.ArticleDay, cmd);
        cmd.CommandText = $"SELECT a.doc FROM articles a WHERE 1 = 1{condition} ORDER BY a.rowid";
        long written = 0;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            output.Write(r.GetString(0));
            output.Write('\n');
            written++;
        }
        return written;
    }
}
