using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>Numbers with their unit and what they count.</summary>
public sealed class AmountTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS amounts (
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            value       REAL NOT NULL,
            unit        TEXT,
            per         TEXT,
            object      TEXT,
            qualifier   TEXT,
            high        REAL
        );
        CREATE INDEX IF NOT EXISTS amounts_article ON amounts(article);
        CREATE INDEX IF NOT EXISTS amounts_unit ON amounts(unit);
        """;

    public IReadOnlyList<(string Table, string Column, string Type)> AddedColumns { get; } =
        [("amounts", "qualifier", "TEXT"), ("amounts", "high", "REAL")];

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "amounts",
            "article", "start", "end", "text", "value", "unit", "per", "object", "qualifier", "high");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            foreach (var m in article.Amounts)
                _insert.Set("article", articleRowId).Set("start", offsets[m.Span.Start]).Set("end", offsets[m.Span.End])
                    .Set("text", article.Slice(m.Span)).Set("value", m.Value).Set("unit", m.Unit).Set("per", m.Per)
                    .Set("object", m.Object).Set("qualifier", m.Qualifier).Set("high", m.High).Run();
        }

        public void Dispose() => _insert.Dispose();
    }
}
