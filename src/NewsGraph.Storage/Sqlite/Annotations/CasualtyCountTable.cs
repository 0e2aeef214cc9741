using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>GDELT-style counts (killed, wounded, arrested ...), the GKG's COUNTS field.</summary>
public sealed class CasualtyCountTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS counts (
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            kind        TEXT NOT NULL,
            number      INTEGER NOT NULL,
            object      TEXT
        );
        CREATE INDEX IF NOT EXISTS counts_article ON counts(article);
        CREATE INDEX IF NOT EXISTS counts_kind ON counts(kind);
        """;

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "counts",
            "article", "start", "end", "text", "kind", "number", "object");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            foreach (var c in article.Counts)
                _insert.Set("article", articleRowId).Set("start", offsets[c.Span.Start]).Set("end", offsets[c.Span.End])
                    .Set("text", article.Slice(c.Span)).Set("kind", c.Kind).Set("number", c.Number).Set("object", c.Object).Run();
        }

        public void Dispose() => _insert.Dispose();
    }
}
