using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>
/// Coded dyadic events, one row each, with the article's date as the event day (GDELT's
/// SQLDATE) so that event queries and the GDELT export need no join for the common filters.
/// </summary>
public sealed class EventTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS events (
            rowid       INTEGER PRIMARY KEY,
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            day         TEXT,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            source      TEXT,
            target      TEXT,
            source_text TEXT,
            target_text TEXT,
            code        TEXT NOT NULL,
            root        TEXT,
            quad_class  INTEGER NOT NULL,
            goldstein   REAL NOT NULL,
            modality    TEXT NOT NULL,
            negated     INTEGER NOT NULL,
            claimant    TEXT
        );
        CREATE INDEX IF NOT EXISTS events_article ON events(article);
        CREATE INDEX IF NOT EXISTS events_day ON events(day);
        CREATE INDEX IF NOT EXISTS events_source ON events(source);
        CREATE INDEX IF NOT EXISTS events_target ON events(target);
        CREATE INDEX IF NOT EXISTS events_root ON events(root);
        """;

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "events",
            "article", "day", "start", "end", "text", "source", "target", "source_text", "target_text",
            "code", "root", "quad_class", "goldstein", "modality", "negated", "claimant");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            var day = article.Date is { Length: >= 10 } d ? d[..10] : article.PageDate;
            foreach (var e in article.Events)
                _insert.Set("article", articleRowId).Set("day", day).Set("start", offsets[e.Span.Start]).Set("end", offsets[e.Span.End])
                    .Set("text", article.Slice(e.Span)).Set("source", e.Source).Set("target", e.Target)
                    .Set("source_text", e.SourceSpan is { } s ? article.Slice(s) : null)
                    .Set("target_text", e.TargetSpan is { } t ? article.Slice(t) : null)
                    .Set("code", e.Code).Set("root", e.Root).Set("quad_class", e.QuadClass).Set("goldstein", e.Goldstein)
                    .Set("modality", e.Modality).Set("negated", e.Negated ? 1 : 0).Set("claimant", e.Claimant).Run();
        }

        public void Dispose() => _insert.Dispose();
    }
}
