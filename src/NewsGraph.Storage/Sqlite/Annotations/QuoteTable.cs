using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>Quotes and their speakers: who said what, for "what did X say" queries.</summary>
public sealed class QuoteTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS quotes (
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            speaker     TEXT,
            speaker_type TEXT,
            speaker_entity TEXT,
            verb        TEXT NOT NULL,
            direct      INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
        CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
        """;

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "quotes",
            "article", "start", "end", "text", "speaker", "speaker_type", "speaker_entity", "verb", "direct");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            foreach (var q in article.Quotes)
                _insert.Set("article", articleRowId).Set("start", offsets[q.Span.Start]).Set("end", offsets[q.Span.End])
                    .Set("text", article.Slice(q.Span)).Set("speaker", q.Speaker).Set("speaker_type", q.SpeakerType)
                    .Set("speaker_entity", q.SpeakerEntity).Set("verb", q.Verb).Set("direct", q.Direct ? 1 : 0).Run();
        }

        public void Dispose() => _insert.Dispose();
    }
}
