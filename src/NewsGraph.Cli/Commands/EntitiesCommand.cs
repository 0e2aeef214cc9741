using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Serialization;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Commands;

/// <summary><c>newsgraph entities</c>: the stored entities most articles mention.</summary>
public sealed class EntitiesCommand : ICommand
{
    public string Name => "entities";
    public string Summary => "list stored entities (people, organisations, places), most mentioned first";
    public string Help => $"""
        usage: newsgraph entities [--type T] [--country C] [--top N] [--json] [--db FILE]

        One line per canonical entity across the store: articles and mentions that name it, type,
        CAMEO actor code, canonical name, country and role, and its id (for 'newsgraph entity').

        {StoreOptions.HelpLine}
          --type T       only PERSON, ORG, GPE, LOC, NORP or MISC
          --country C    only entities of this ISO 3166 alpha-3 country (IRN, USA ...)
          --top N        how many (default 25)
          --json         JSON Lines instead of a table
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db", "type", "country", "top"];
    public IReadOnlyCollection<string> Flags => ["json"];

    private static readonly string[] Types = ["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Positionals.Count > 0) throw new UsageException("entities takes no arguments (did you mean 'newsgraph entity NAME'?)");
        var type = args.Option("type")?.ToUpperInvariant();
        if (type is not null && !Types.Contains(type)) throw new UsageException($"--type is one of {string.Join(", ", Types)}, not '{args.Option("type")}'");
        var country = args.Option("country")?.ToUpperInvariant();
        if (country is not null && (country.Length != 3 || !country.All(char.IsAsciiLetter)))
            throw new UsageException($"--country takes an ISO 3166 alpha-3 code such as IRN, not '{args.Option("country")}'");
        int top = args.Int("top", 25, 1, 1_000_000);
        using var store = StoreOptions.Open(args, readOnly: true);
        var queries = new EntityQueries(store.Connection);
        if (!queries.Available()) throw new CommandFailedException("this database has no entity tables yet: ingest into it with this version of newsgraph");
        var rows = queries.Top(top, type, country);
        if (args.Flag("json"))
        {
            foreach (var e in rows) terminal.Out.WriteLine(EntityJson.Summary(e));
            return 0;
        }
        foreach (var e in rows)
        {
            var where = e.Country is null ? "" : $" ({e.Country})";
            var role = e.Role is null ? "" : "  " + e.Role;
            terminal.Out.WriteLine($"{e.Articles,6} {e.Mentions,7}  {e.Type,-6}  {e.Actor ?? "-",-10}  {EntityJson.OneLine(e.Canonical)}{where}{role}  [{e.Id}]");
        }
        terminal.Message($"{rows.Count} entit{(rows.Count == 1 ? "y" : "ies")} (columns: articles, mentions, type, actor, name)");
        return 0;
    }
}

/// <summary><c>newsgraph entity NAME</c>: one stored entity's names, roles, countries, articles and company.</summary>
public sealed class EntityCommand : ICommand
{
    public string Name => "entity";
    public string Summary => "show one stored entity: aliases, roles, countries, actor, articles, co-occurring entities";
    public string Help => $"""
        usage: newsgraph entity NAME|ID [--json] [--articles N] [--db FILE]

        NAME is matched against ids, canonical names, every name an entity was written under, and
        people's surnames (so "Peskov", "Dmitry Peskov" and "person:dmitry-peskov" all work). When it
        names several entities they are listed with their ids: run again with the one you mean.

        {StoreOptions.HelpLine}
          --articles N   how many of its articles to list, newest first (default 20)
          --json         one JSON object instead of text
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db", "articles"];
    public IReadOnlyCollection<string> Flags => ["json"];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Positionals.Count == 0) throw new UsageException("entity needs a NAME or an id");
        var name = string.Join(' ', args.Positionals);
        if (name.Length > 500) throw new UsageException("a NAME is at most 500 characters");
        int articles = args.Int("articles", 20, 0, 100_000);
        using var store = StoreOptions.Open(args, readOnly: true);
        var queries = new EntityQueries(store.Connection);
        if (!queries.Available()) throw new CommandFailedException("this database has no entity tables yet: ingest into it with this version of newsgraph");
        var found = queries.Find(name);
        if (found.Count == 0) throw new CommandFailedException($"no stored entity is named '{EntityJson.OneLine(name)}' (see 'newsgraph entities')");
        if (found.Count > 1)
        {
            foreach (var e in found)
                terminal.Out.WriteLine($"{e.Id}  {e.Type,-6}  {e.Actor ?? "-",-10}  {EntityJson.OneLine(e.Canonical)}  ({e.Articles} articles)");
            throw new CommandFailedException($"'{EntityJson.OneLine(name)}' names {found.Count} entities (listed above): give the id of the one you mean");
        }
        var detail = queries.Detail(found[0].Id, articles)!;
        if (args.Flag("json"))
        {
            terminal.Out.WriteLine(EntityJson.Detail(detail));
            return 0;
        }
        var d = detail.Entity;
        var o = terminal.Out;
        o.WriteLine($"{EntityJson.OneLine(d.Canonical)}  ({d.Type}, {d.Id})");
        o.WriteLine($"  country {d.Country ?? "-"}   actor {d.Actor ?? "-"}   role {d.Role ?? "-"}");
        o.WriteLine($"  {d.Articles} article{(d.Articles == 1 ? "" : "s")}, {d.Mentions} mention{(d.Mentions == 1 ? "" : "s")}");
        o.WriteLine("aliases:   " + string.Join(", ", detail.Aliases.Select(a => $"{EntityJson.OneLine(a.Alias)} ({a.Mentions})")));
        if (detail.Roles.Count > 0)
            o.WriteLine("roles:     " + string.Join("; ", detail.Roles.Select(r =>
                $"{r.Role ?? "-"} ({string.Join(", ", new[] { r.Country, r.Actor }.Where(x => x is not null))}) x{r.Mentions}")));
        if (detail.Countries.Count > 0)
            o.WriteLine("countries: " + string.Join(", ", detail.Countries.Select(c => $"{c.Country} x{c.Mentions}")));
        o.WriteLine("articles:");
        foreach (var a in detail.Articles)
            o.WriteLine($"  {a.Id}  {a.Date?[..Math.Min(10, a.Date.Length)] ?? "",-10}  {EntityJson.Clip(EntityJson.OneLine(a.Title), 80)}  ({a.Mentions} mention{(a.Mentions == 1 ? "" : "s")})");
        if (detail.Cooccurring.Count > 0)
        {
            o.WriteLine("co-occurring:");
            foreach (var c in detail.Cooccurring)
                o.WriteLine($"  {c.Articles,5}  {c.Type,-6}  {EntityJson.OneLine(c.Canonical)}  [{c.Id}]");
        }
        return 0;
    }
}

/// <summary>How the entity commands render JSON and names from untrusted text.</summary>
internal static class EntityJson
{
    public static string Summary(EntitySummary e) => Write(w => WriteSummary(w, e));

    public static string Detail(EntityDetail d) => Write(w =>
    {
        w.WriteStartObject();
        WriteFields(w, d.Entity);
        w.WriteStartArray("aliases");
        foreach (var a in d.Aliases) { w.WriteStartObject(); w.WriteString("alias", a.Alias); w.WriteNumber("mentions", a.Mentions); w.WriteEndObject(); }
        w.WriteEndArray();
        w.WriteStartArray("roles");
        foreach (var r in d.Roles)
        {
            w.WriteStartObject();
            Nullable(w, "role", r.Role); Nullable(w, "country", r.Country); Nullable(w, "actor", r.Actor);
            w.WriteNumber("mentions", r.Mentions);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("countries");
        foreach (var c in d.Countries) { w.WriteStartObject(); w.WriteString("country", c.Country); w.WriteNumber("mentions", c.Mentions); w.WriteEndObject(); }
        w.WriteEndArray();
        w.WriteStartArray("articles");
        foreach (var a in d.Articles)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id); w.WriteString("title", a.Title); Nullable(w, "date", a.Date); w.WriteNumber("mentions", a.Mentions);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("cooccurring");
        foreach (var c in d.Cooccurring)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id); w.WriteString("type", c.Type); w.WriteString("canonical", c.Canonical); w.WriteNumber("articles", c.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteSummary(Utf8JsonWriter w, EntitySummary e)
    {
        w.WriteStartObject();
        WriteFields(w, e);
        w.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter w, EntitySummary e)
    {
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        w.WriteString("canonical", e.Canonical);
        Nullable(w, "country", e.Country);
        Nullable(w, "role", e.Role);
        Nullable(w, "actor", e.Actor);
        w.WriteNumber("articles", e.Articles);
        w.WriteNumber("mentions", e.Mentions);
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ArticleJsonWriter.Compact)) write(w);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Names come from news text: control characters and line breaks would break a table.</summary>
    public static string OneLine(string s)
    {
        if (!s.Any(char.IsControl)) return s;
        return new string(s.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
    }

    public static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
