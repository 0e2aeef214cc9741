using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>Themes assigned to articles; the trigger spans stay in the article JSON.</summary>
public sealed class ThemeTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS themes (
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            theme       TEXT NOT NULL,
            score       REAL NOT NULL,
            triggers    INTEGER NOT NULL,
            PRIMARY KEY (article, theme)
        );
        CREATE INDEX IF NOT EXISTS themes_theme ON themes(theme);
        """;

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction) : IAnnotationWriter
    {
        private readonly PreparedInsert _insert = new(connection, transaction, "themes", "article", "theme", "score", "triggers");

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            foreach (var theme in article.Themes.DistinctBy(t => t.Theme))
                _insert.Set("article", articleRowId).Set("theme", theme.Theme).Set("score", theme.Score)
                    .Set("triggers", theme.Triggers.Count).Run();
        }

        public void Dispose() => _insert.Dispose();
    }
}
