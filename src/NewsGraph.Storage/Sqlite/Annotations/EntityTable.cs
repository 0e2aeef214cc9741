using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities.Identity;
using NewsGraph.Core.Knowledge;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>
/// Entities across the whole store: one <c>entities</c> row per canonical entity, the names it
/// was written under (<c>entity_aliases</c>) and every mention (<c>mentions</c>, one row per
/// mention with its article, span, text, type, role, country and actor).
/// <para>
/// When an article is stored, each of its entities is matched to a stored one, conservatively:
/// the same type and name key; else a name the stored entity was written under; else, for a
/// person, a name that ends the other's (a bare surname, "Amir Abdollahian" for "Hossein Amir
/// Abdollahian") and fits exactly one stored person of a compatible country and role. A bare
/// surname stored on its own is only joined by a fuller name when both have the same country.
/// Unmatched entities are new rows. The article's mentions then carry the stored ids (and the
/// article's stored JSON is rewritten with them), so "Amir-Abdollahian" in one article and
/// "Hossein Amir Abdollahian" in another have one id. This table must be written before those
/// that refer to entity ids (quotes' speakers).
/// </para>
/// </summary>
public sealed class EntityTable : IAnnotationTable
{
    public string Schema => """
        CREATE TABLE IF NOT EXISTS entities (
            rowid       INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            type        TEXT NOT NULL,
            canonical   TEXT NOT NULL,
            name_key    TEXT NOT NULL,
            surname     TEXT,
            first_word  TEXT,
            words       INTEGER NOT NULL,
            country     TEXT,
            role        TEXT,
            actor       TEXT,
            actor_mentions INTEGER NOT NULL DEFAULT 0,
            articles    INTEGER NOT NULL DEFAULT 0,
            mentions    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS entities_key ON entities(type, name_key);
        CREATE INDEX IF NOT EXISTS entities_surname ON entities(type, surname);
        CREATE INDEX IF NOT EXISTS entities_first_word ON entities(type, first_word);
        CREATE INDEX IF NOT EXISTS entities_rank ON entities(articles DESC, mentions DESC);
        CREATE INDEX IF NOT EXISTS entities_name ON entities(name_key);
        CREATE TABLE IF NOT EXISTS entity_aliases (
            entity      INTEGER NOT NULL REFERENCES entities(rowid),
            alias_key   TEXT NOT NULL,
            alias       TEXT NOT NULL,
            mentions    INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entity, alias_key)
        );
        CREATE INDEX IF NOT EXISTS entity_aliases_key ON entity_aliases(alias_key);
        CREATE TABLE IF NOT EXISTS mentions (
            article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            entity      INTEGER REFERENCES entities(rowid),
            start       INTEGER NOT NULL,
            end         INTEGER NOT NULL,
            text        TEXT NOT NULL,
            type        TEXT NOT NULL,
            canonical   TEXT,
            role        TEXT,
            country     TEXT,
            actor       TEXT
        );
        CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
        CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
        """;

    public IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction) => new Writer(connection, transaction);

    private sealed record Stored(long RowId, string Id, string Type, string Canonical, string NameKey, int Words, string? Country, string? Role, string? Actor);

    /// <summary>One entity of the article being stored: its mentions and what they say.</summary>
    private sealed class Local(string id, string type, string canonical)
    {
        public readonly string Id = id;
        public readonly string Type = type;
        public readonly string Canonical = canonical;
        public readonly string Key = NameKey.Of(canonical);
        public string[] Words => NameKey.Words(Key);
        public readonly List<EntityMention> Mentions = new();
        public readonly Dictionary<string, (string Written, int Count)> Aliases = new(StringComparer.Ordinal);
        public string? Country, Role, Actor;
        public int WithActor;
    }

    private sealed class Writer : IAnnotationWriter
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly PreparedInsert _mention;
        private readonly WorldKnowledge _knowledge = WorldKnowledge.Shared;

        public Writer(SqliteConnection connection, SqliteTransaction transaction)
        {
            _connection = connection;
            _transaction = transaction;
            _mention = new PreparedInsert(connection, transaction, "mentions",
                "article", "entity", "start", "end", "text", "type", "canonical", "role", "country", "actor");
        }

        public void Write(long articleRowId, Article article, CodePointOffsets offsets)
        {
            if (article.Entities.Count == 0) return;
            var locals = new Dictionary<string, Local>(StringComparer.Ordinal);
            foreach (var m in article.Entities)
            {
                if (m.EntityId is null || m.Canonical is null) continue;
                if (!locals.TryGetValue(m.EntityId, out var local))
                    locals[m.EntityId] = local = new Local(m.EntityId, TypeOf(m), m.Canonical);
                local.Mentions.Add(m);
                local.Country ??= m.Country;
                local.Role ??= m.Role;
                if (local.Actor is null || (m.Actor is { Length: > 3 } && local.Actor.Length <= 3)) local.Actor = m.Actor ?? local.Actor;
                if (m.Actor is not null) local.WithActor++;
                var key = EntityNames.Key(article, m);
                if (key.Length == 0) continue;
                local.Aliases[key] = local.Aliases.TryGetValue(key, out var a) ? (a.Written, a.Count + 1) : (EntityNames.Written(article, m), 1);
            }

            var renamed = new Dictionary<string, (string Id, long RowId)>(StringComparer.Ordinal);
            foreach (var local in locals.Values)
            {
                var stored = Match(local);
                long rowId = stored is null ? Insert(local) : Update(stored, local);
                var id = stored?.Id ?? IdOf(rowId);
                renamed[local.Id] = (id, rowId);
                foreach (var (aliasKey, (written, count)) in local.Aliases) AddAlias(rowId, aliasKey, written, count);
            }

            bool changed = false;
            foreach (var m in article.Entities)
            {
                long? entity = null;
                if (m.EntityId is { } local && renamed.TryGetValue(local, out var to))
                {
                    entity = to.RowId;
                    if (to.Id != local)
                    {
                        m.EntityId = to.Id;
                        changed = true;
                    }
                }
                _mention.Set("article", articleRowId).Set("entity", entity).Set("start", offsets[m.Span.Start]).Set("end", offsets[m.Span.End])
                    .Set("text", article.Slice(m.Span)).Set("type", m.Type).Set("canonical", m.Canonical).Set("role", m.Role)
                    .Set("country", m.Country).Set("actor", m.Actor).Run();
            }
            if (!changed) return;
            // Speakers refer to entities by id: they follow the mentions to the stored ids.
            foreach (var q in article.Quotes)
                if (q.SpeakerEntity is { } speaker && renamed.TryGetValue(speaker, out var to))
                    q.SpeakerEntity = to.Id;
            var cmd = Command("UPDATE articles SET doc = $doc WHERE rowid = $rowid");
            cmd.Parameters.AddWithValue("$doc", ArticleJsonWriter.ToJson(article));
            cmd.Parameters.AddWithValue("$rowid", articleRowId);
            cmd.ExecuteNonQuery();
        }

        /// <summary>The entity's type: the one its id was made with ("person:..."), else its first mention's.</summary>
        private static string TypeOf(EntityMention m)
        {
            var id = m.EntityId!;
            int colon = id.IndexOf(':');
            var prefix = colon > 0 ? id[..colon].ToUpperInvariant() : "";
            return prefix is EntityTypes.Person or EntityTypes.Organisation or EntityTypes.GeoPolitical or EntityTypes.Location
                or EntityTypes.Group or EntityTypes.Miscellaneous ? prefix : m.Type;
        }

        private Stored? Match(Local local)
        {
            // 1. The same name. A full name is evidence enough whatever the role of the day (a prime
            // minister is a party leader too); only a bare name must also agree in role.
            bool full = local.Words.Length > 1 || local.Type != EntityTypes.Person;
            var same = Candidates("SELECT * FROM entities WHERE type = $type AND name_key = $key", local.Type, local.Key)
                .Where(s => Compatible(s, local, strict: false, roles: !full)).ToList();
            if (same.Count > 0) return same.OrderByDescending(s => s.Words).First();

            // 2. A name the stored entity was written under (the full names, for a person).
            var byAlias = new Dictionary<long, Stored>();
            foreach (var alias in local.Aliases.Keys)
            {
                if (local.Type == EntityTypes.Person && !alias.Contains(' ')) continue;
                foreach (var s in Candidates("SELECT e.* FROM entity_aliases a JOIN entities e ON e.rowid = a.entity WHERE a.alias_key = $key AND e.type = $type",
                             local.Type, alias))
                    if (Compatible(s, local, strict: false, roles: false)) byAlias[s.RowId] = s;
            }
            if (byAlias.Count == 1) return byAlias.Values.Single();
            if (byAlias.Count > 1 || local.Type != EntityTypes.Person) return null;

            // 3. A person whose name ends the other's: exactly one, of a compatible country and role.
            var words = local.Words;
            if (words.Length == 0) return null;
            // The surname is the last word; a family name written first is the first ("Wang" of "Wang Yi").
            // (Two lookups, not one with OR: SQLite would scan every person for the OR.)
            var people = Candidates("SELECT * FROM entities WHERE type = $type AND surname = $key", local.Type, words[^1])
                .Concat(Candidates("SELECT * FROM entities WHERE type = $type AND first_word = $key", local.Type, words[^1]))
                .DistinctBy(s => s.RowId).ToList();
            var fits = people.Where(s =>
            {
                var theirs = NameKey.Words(s.NameKey);
                if (theirs.Length >= words.Length)
                    return NameMatching.SamePerson(theirs, words, _knowledge) && Compatible(s, local, strict: false, roles: words.Length == 1);
                // A stored bare surname grows into a full name only when the two share a country.
                if (theirs.Length == 1) return NameMatching.SamePerson(words, theirs, _knowledge) && Compatible(s, local, strict: true);
                return NameMatching.SamePerson(words, theirs, _knowledge) && Compatible(s, local, strict: false, roles: false);
            }).ToList();
            return fits.Count == 1 ? fits[0] : null;
        }

        /// <summary>
        /// No conflict in country or role: equal or unknown on one side. Strict: the countries are
        /// known on both sides and equal.
        /// </summary>
        private static bool Compatible(Stored s, Local l, bool strict, bool roles = true)
        {
            if (strict) return s.Country is not null && s.Country == l.Country;
            if (s.Country is not null && l.Country is not null && s.Country != l.Country) return false;
            if (!roles) return true;
            var a = EntityNames.AgentOf(s.Actor);
            var b = EntityNames.AgentOf(l.Actor);
            return a is null || b is null || a == b;
        }

        private long Insert(Local local)
        {
            var words = local.Words;
            var id = local.Id;
            for (int n = 2; Exists(id); n++) id = local.Id + "-" + n;
            var cmd = Command("""
                INSERT INTO entities (id, type, canonical, name_key, surname, first_word, words, country, role, actor, actor_mentions, articles, mentions)
                VALUES ($id, $type, $canonical, $key, $surname, $first, $words, $country, $role, $actor, $with, 1, $mentions)
                RETURNING rowid
                """);
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$type", local.Type);
            cmd.Parameters.AddWithValue("$canonical", local.Canonical);
            cmd.Parameters.AddWithValue("$key", local.Key);
            cmd.Parameters.AddWithValue("$surname", words.Length > 0 ? words[^1] : DBNull.Value);
            cmd.Parameters.AddWithValue("$first", words.Length > 1 ? words[0] : DBNull.Value);
            cmd.Parameters.AddWithValue("$words", words.Length);
            cmd.Parameters.AddWithValue("$country", (object?)local.Country ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$role", (object?)local.Role ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$actor", (object?)local.Actor ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$mentions", local.Mentions.Count);
            cmd.Parameters.AddWithValue("$with", local.WithActor);
            return (long)cmd.ExecuteScalar()!;
        }

        private long Update(Stored stored, Local local)
        {
            // A fuller name of the same person becomes the name shown ("Amir-Abdollahian" grows into "Hossein Amir Abdollahian").
            var words = local.Words;
            bool fuller = local.Type == EntityTypes.Person && words.Length > stored.Words
                          && NameMatching.SamePerson(words, NameKey.Words(stored.NameKey), _knowledge);
            var cmd = Command("""
                UPDATE entities SET
                    articles = articles + 1,
                    mentions = mentions + $mentions,
                    actor_mentions = actor_mentions + $with,
                    country = coalesce(country, $country),
                    role = coalesce(role, $role),
                    actor = CASE WHEN actor IS NULL OR (length(actor) <= 3 AND length($actor) > 3) THEN coalesce($actor, actor) ELSE actor END,
                    canonical = CASE WHEN $fuller THEN $canonical ELSE canonical END,
                    name_key = CASE WHEN $fuller THEN $key ELSE name_key END,
                    surname = CASE WHEN $fuller THEN $surname ELSE surname END,
                    first_word = CASE WHEN $fuller THEN $first ELSE first_word END,
                    words = CASE WHEN $fuller THEN $words ELSE words END
                WHERE rowid = $rowid
                """);
            cmd.Parameters.AddWithValue("$mentions", local.Mentions.Count);
            cmd.Parameters.AddWithValue("$country", (object?)local.Country ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$role", (object?)local.Role ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$actor", (object?)local.Actor ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$fuller", fuller ? 1 : 0);
            cmd.Parameters.AddWithValue("$with", local.WithActor);
            cmd.Parameters.AddWithValue("$canonical", local.Canonical);
            cmd.Parameters.AddWithValue("$key", local.Key);
            cmd.Parameters.AddWithValue("$surname", words.Length > 0 ? words[^1] : DBNull.Value);
            cmd.Parameters.AddWithValue("$first", words.Length > 1 ? words[0] : DBNull.Value);
            cmd.Parameters.AddWithValue("$words", words.Length);
            cmd.Parameters.AddWithValue("$rowid", stored.RowId);
            cmd.ExecuteNonQuery();
            return stored.RowId;
        }

        private void AddAlias(long entity, string key, string written, int count)
        {
            var cmd = Command("""
                INSERT INTO entity_aliases (entity, alias_key, alias, mentions) VALUES ($entity, $key, $alias, $count)
                ON CONFLICT(entity, alias_key) DO UPDATE SET mentions = mentions + excluded.mentions
                """);
            cmd.Parameters.AddWithValue("$entity", entity);
            cmd.Parameters.AddWithValue("$key", key);
            cmd.Parameters.AddWithValue("$alias", written);
            cmd.Parameters.AddWithValue("$count", count);
            cmd.ExecuteNonQuery();
        }

        private bool Exists(string id)
        {
            var cmd = Command("SELECT 1 FROM entities WHERE id = $id");
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteScalar() is not null;
        }

        private string IdOf(long rowId)
        {
            var cmd = Command("SELECT id FROM entities WHERE rowid = $rowid");
            cmd.Parameters.AddWithValue("$rowid", rowId);
            return (string)cmd.ExecuteScalar()!;
        }

        private List<Stored> Candidates(string sql, string type, string key)
        {
            var cmd = Command(sql + " LIMIT 50");
            cmd.Parameters.AddWithValue("$type", type);
            cmd.Parameters.AddWithValue("$key", key);
            using var r = cmd.ExecuteReader();
            var list = new List<Stored>();
            while (r.Read())
                list.Add(new Stored(r.GetInt64(r.GetOrdinal("rowid")), r.GetString(r.GetOrdinal("id")), r.GetString(r.GetOrdinal("type")),
                    r.GetString(r.GetOrdinal("canonical")), r.GetString(r.GetOrdinal("name_key")), r.GetInt32(r.GetOrdinal("words")),
                    Text(r, "country"), Text(r, "role"), Text(r, "actor")));
            return list;
        }

        private static string? Text(SqliteDataReader r, string column)
        {
            int i = r.GetOrdinal(column);
            return r.IsDBNull(i) ? null : r.GetString(i);
        }

        /// <summary>
        /// The prepared command for <paramref name="sql"/>, made once per batch and reused (its
        /// parameters cleared): an article brings a few dozen entities, each a few lookups.
        /// </summary>
        private SqliteCommand Command(string sql)
        {
            if (!_commands.TryGetValue(sql, out var cmd))
            {
                cmd = _connection.CreateCommand();
                cmd.Transaction = _transaction;
                cmd.CommandText = sql;
                _commands[sql] = cmd;
            }
            cmd.Parameters.Clear();
            return cmd;
        }

        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public void Dispose()
        {
            _mention.Dispose();
            foreach (var cmd in _commands.Values) cmd.Dispose();
        }
    }
}
