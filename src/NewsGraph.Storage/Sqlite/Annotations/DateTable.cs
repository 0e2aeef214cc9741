using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>Temporal expressions with their normalised values, for timelines.</summary>
public sealed class DateTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS dates (
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            value       TEXT NOT NULL,
            granularity TEXT,
            estimated   INTEGER NOT NULL,
            mod         TEXT
        );
        CREATE INDEX IF NOT EXISTS dates_article ON dates(article);
        CREATE INDEX IF NOT EXISTS dates_value ON dates(value);
        """;

    public IReadOnlyList<(string Table, string Column, string Type)> AddedColumns { get; } = [("dates", "mod", "TEXT")];

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "dates",
            "article", "start", "end", "text", "value", "granularity", "estimated", "mod");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            foreach (var d in article.Dates)
                _insert.Set("article", articleRowId).Set("start", offsets[d.Span.Start]).Set("end", offsets[d.Span.End])
                    .Set("text", article.Slice(d.Span)).Set("value", d.Value).Set("granularity", d.Granularity)
                    .Set("estimated", d.Estimated ? 1 : 0).Set("mod", d.Mod).Run();
        }

        public void Dispose() => _insert.Dispose();
    }
}
