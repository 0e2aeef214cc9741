using System.Text;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;
using NewsGraph.Storage.Sqlite.Annotations;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, nothing to set up. Articles are stored with their full
/// extract JSON; an FTS5 index over headline and text serves search. WAL journaling means a
/// reader never blocks the ingester, and a killed ingester loses only its open transaction.
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    public const int SchemaVersion = 2;
    private readonly SqliteConnection _connection;

    private SqliteArticleStore(SqliteConnection connection) => _connection = connection;

    public SqliteConnection Connection => _connection;

    public static SqliteArticleStore Open(string path, bool readOnly = false)
    {
        if (readOnly && !File.Exists(path))
            throw new StoreException($"no database at {path} (run 'newsgraph ingest' first, or pass --db)");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new SqliteArticleStore(connection);
            if (!readOnly) store.Migrate();
            else store.CheckSchema();
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"cannot open database {path}: {e.Message.Split('\n')[0]}");
        }
    }

    private void Migrate()
    {
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("PRAGMA foreign_keys=ON;");
        Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
        int version = CurrentVersion();
        if (version > SchemaVersion)
            throw new StoreException($"the database was written by a newer NewsGraph (schema {version}; this build knows {SchemaVersion})");
        using var tx = _connection.BeginTransaction();
        if (version < 1)
        {
            Execute("""
                CREATE TABLE articles (
                    rowid       INTEGER PRIMARY KEY,
                    id          TEXT NOT NULL UNIQUE,
                    source      TEXT NOT NULL,
                    url         TEXT,
                    title       TEXT NOT NULL,
                    date        TEXT,
                    page_date   TEXT,
                    language    TEXT,
                    text        TEXT NOT NULL,
                    doc         TEXT NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX articles_date ON articles(date);
                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
                END;
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
                END;
                """, tx);
        }
        // Version 2: the facts of each article in tables of their own (quotes, amounts, events ...).
        // Upgrade first (it may rebuild a table), then create what is missing, then add newer columns.
        foreach (var table in AnnotationTables.All)
        {
            table.Upgrade(_connection, tx);
            Execute(table.Schema, tx);
            foreach (var (name, column, type) in table.AddedColumns)
                if (!HasColumn(name, column, tx)) Execute($"ALTER TABLE {name} ADD COLUMN {column} {type};", tx);
        }
        Execute($"INSERT INTO meta(key, value) VALUES ('schema_version', '{SchemaVersion}') ON CONFLICT(key) DO UPDATE SET value = excluded.value;", tx);
        tx.Commit();
    }

    private bool HasColumn(string table, string column, SqliteTransaction tx)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT 1 FROM pragma_table_info($table) WHERE name = $column";
        cmd.Parameters.AddWithValue("$table", table);
        cmd.Parameters.AddWithValue("$column", column);
        return cmd.ExecuteScalar() is not null;
    }

    private void CheckSchema()
    {
        int version;
        try { version = CurrentVersion(); }
        catch (SqliteException) { version = 0; }
        if (version == 0) throw new StoreException("not a NewsGraph database (no schema found)");
        if (version > SchemaVersion) throw new StoreException($"the database was written by a newer NewsGraph (schema {version})");
    }

    private int CurrentVersion()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() is string s && int.TryParse(s, out var v) ? v : 0;
    }

    public int Add(IReadOnlyList<Article> articles)
    {
        if (articles.Count == 0) return 0;
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO articles (id, source, url, title, date, page_date, language, text, doc, ingested_at)
            VALUES ($id, $source, $url, $title, $date, $page_date, $language, $text, $doc, $now)
            ON CONFLICT(id) DO NOTHING
            RETURNING rowid
            """;
        var id = cmd.Parameters.Add("$id", SqliteType.Text);
        var source = cmd.Parameters.Add("$source", SqliteType.Text);
        var url = cmd.Parameters.Add("$url", SqliteType.Text);
        var title = cmd.Parameters.Add("$title", SqliteType.Text);
        var date = cmd.Parameters.Add("$date", SqliteType.Text);
        var pageDate = cmd.Parameters.Add("$page_date", SqliteType.Text);
        var language = cmd.Parameters.Add("$language", SqliteType.Text);
        var text = cmd.Parameters.Add("$text", SqliteType.Text);
        var doc = cmd.Parameters.Add("$doc", SqliteType.Text);
        cmd.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        cmd.Prepare();
        var writers = AnnotationTables.All.Select(t => t.Begin(_connection, tx)).ToList();
        int added = 0;
        try
        {
            foreach (var a in articles)
            {
                id.Value = a.Id;
                source.Value = a.Source;
                url.Value = (object?)a.Url ?? DBNull.Value;
                title.Value = a.Title;
                date.Value = (object?)a.Date ?? DBNull.Value;
                pageDate.Value = (object?)a.PageDate ?? DBNull.Value;
                language.Value = (object?)a.Language ?? DBNull.Value;
                text.Value = a.Text;
                doc.Value = ArticleJsonWriter.ToJson(a);
                // RETURNING yields nothing when the article was stored already: its facts are too.
                if (cmd.ExecuteScalar() is not long rowId) continue;
                added++;
                var offsets = new CodePointOffsets(a.Text);
                foreach (var writer in writers) writer.Write(rowId, a, offsets);
            }
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
        tx.Commit();
        return added;
    }

    public long Count()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM articles";
        return (long)cmd.ExecuteScalar()!;
    }

    public IReadOnlyList<StoredArticleSummary> List(int limit, int offset = 0)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT id, title, date, page_date, source FROM articles
            ORDER BY coalesce(date, page_date, '') DESC, rowid DESC LIMIT $limit OFFSET $offset
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        return ReadSummaries(cmd, withSnippet: false);
    }

    public StoredLookup Get(string idOrPrefix)
    {
        using var cmd = _connection.CreateCommand();
        // The prefix is matched as a range so that '%' or '_' in user input mean nothing special.
        cmd.CommandText = "SELECT doc FROM articles WHERE id >= $prefix AND id < $upper ORDER BY id LIMIT 2";
        var prefix = idOrPrefix.Trim().ToLowerInvariant();
        cmd.Parameters.AddWithValue("$prefix", prefix);
        cmd.Parameters.AddWithValue("$upper", prefix + "\uFFFF");
        using var reader = cmd.ExecuteReader();
        string? first = null;
        int matches = 0;
        while (reader.Read())
        {
            matches++;
            first ??= reader.GetString(0);
        }
        return new StoredLookup(matches == 1 ? first : null, matches);
    }

    public IReadOnlyList<StoredArticleSummary> Search(string words, int limit)
    {
        var query = ToFtsQuery(words);
        if (query.Length == 0) return [];
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT a.id, a.title, a.date, a.page_date, a.source,
                   snippet(articles_fts, 1, '[', ']', ' … ', 16)
            FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
            WHERE articles_fts MATCH $query
            ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$query", query);
        cmd.Parameters.AddWithValue("$limit", limit);
        return ReadSummaries(cmd, withSnippet: true);
    }

    /// <summary>
    /// Turns what a user typed into an FTS5 query that cannot be a syntax error: each word is
    /// quoted as a literal, "quoted phrases" stay phrases, and OR between words is kept.
    /// </summary>
    public static string ToFtsQuery(string words)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        bool inPhrase = false;
        void Flush()
        {
            var term = sb.ToString().Trim();
            sb.Clear();
            if (term.Length == 0) return;
            if (!inPhrase && term == "OR") { if (parts.Count > 0 && parts[^1] != "OR") parts.Add("OR"); return; }
            parts.Add("\"" + term.Replace("\"", "\"\"") + "\"");
        }
        foreach (var c in words)
        {
            if (c is '"' or '“' or '”')
            {
                Flush();
                inPhrase = !inPhrase;
            }
            else if (!inPhrase && char.IsWhiteSpace(c)) Flush();
            else sb.Append(c);
        }
        Flush();
        while (parts.Count > 0 && parts[^1] == "OR") parts.RemoveAt(parts.Count - 1);
        while (parts.Count > 0 && parts[0] == "OR") parts.RemoveAt(0);
        return string.Join(' ', parts);
    }

    private static List<StoredArticleSummary> ReadSummaries(SqliteCommand cmd, bool withSnippet)
    {
        var list = new List<StoredArticleSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new StoredArticleSummary(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), withSnippet && !r.IsDBNull(5) ? r.GetString(5) : null));
        return list;
    }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
