using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>The article's tone (GDELT V1.5Tone fields), one row per article that has one.</summary>
public sealed class ToneTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS tone (
            article     INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
            tone        REAL NOT NULL,
            positive    REAL NOT NULL,
            negative    REAL NOT NULL,
            polarity    REAL NOT NULL,
            activity    REAL NOT NULL,
            self_group  REAL NOT NULL,
            word_count  INTEGER NOT NULL
        );
        """;

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "tone",
            "article", "tone", "positive", "negative", "polarity", "activity", "self_group", "word_count");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            if (article.Tone is not { } t) return;
            _insert.Set("article", articleRowId).Set("tone", t.Value).Set("positive", t.Positive).Set("negative", t.Negative)
                .Set("polarity", t.Polarity).Set("activity", t.ActivityDensity).Set("self_group", t.SelfGroupDensity)
                .Set("word_count", t.WordCount).Run();
        }

        public void Dispose() => _insert.Dispose();
    }
}
