using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Serialization;
using NewsGraph.Storage.Queries;

namespace NewsGraph.Cli.Commands;

public sealed class EventsCommand : ICommand
{
    public string Name => "events";
    public string Summary => "list stored events by actor, CAMEO root and day";
    public string Help => $"""
        usage: newsgraph events [--actor CODE] [--source CODE] [--target CODE] [--root NN]
                                [--since D] [--until D] [--limit N] [--json] [--db FILE]

        Newest first. Actor codes match by prefix, as CAMEO codes nest: --actor IRN matches IRN,
        IRNGOV, IRNMIL ... as source or target.

          --actor CODE   events with CODE as source or target
          --source CODE  events whose source (actor 1) is CODE
          --target CODE  events whose target (actor 2) is CODE
          --root NN      CAMEO root code, 01-20 (e.g. 19 = fight)
          --since D      on or after day D (YYYY-MM-DD); --until D: on or before
          --limit N      at most N events (default 50)
          --json         JSON Lines instead of a table
        {StoreOptions.HelpLine}
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["actor", "source", "target", "root", "since", "until", "limit", "db"];
    public IReadOnlyCollection<string> Flags => ["json"];

    public int Run(Arguments args, Terminal terminal)
    {
        var root = args.Option("root");
        if (root is not null && !(root.Trim().Length is 1 or 2 && root.Trim().All(char.IsAsciiDigit)))
            throw new UsageException($"--root takes a CAMEO root code 01-20, not '{root}'");
        var filter = new EventFilter
        {
            Actor = Code(args, "actor"),
            Source = Code(args, "source"),
            Target = Code(args, "target"),
            Root = root,
            Window = ExportCommand.Window(args),
            Limit = args.Int("limit", 50, 1, 1_000_000),
            NewestFirst = true,
        };
        using var store = StoreOptions.Open(args, readOnly: true);
        bool json = args.Flag("json");
        int shown = 0;
        foreach (var e in StoreErrors.Guard(args, EventQueries.Events(store.Connection, filter)))
        {
            shown++;
            if (json) terminal.Out.WriteLine(ToJson(e));
            else
                terminal.Out.WriteLine($"{e.Day ?? "?",-10}  {e.Code,-4} {e.Goldstein,5:0.0}  {Clip(e.Source ?? "-", 12),-12} -> {Clip(e.Target ?? "-", 12),-12}  " +
                                       $"{Clip(Marks(e) + OneLine(e.Text), 60),-60}  {e.ArticleId[..Math.Min(8, e.ArticleId.Length)]}");
        }
        if (!json) terminal.Message($"{shown} event{(shown == 1 ? "" : "s")}" + (shown == filter.Limit ? $" (the first {filter.Limit}; --limit shows more)" : ""));
        return 0;
    }

    private static string? Code(Arguments args, string name)
    {
        var code = args.Option(name);
        if (code is null) return null;
        code = code.Trim();
        if (code.Length == 0 || code.Length > 30 || !code.All(char.IsAsciiLetterOrDigit))
            throw new UsageException($"--{name} takes a CAMEO actor code (letters and digits, e.g. IRNGOV), not '{code}'");
        return code;
    }

    /// <summary>"[not] ", "[hypothetical] ": what the table must say so that a reader never takes them for done.</summary>
    private static string Marks(EventMention e) =>
        (e.Negated ? "[not] " : "") + (e.Modality is "asserted" or null or "" ? "" : $"[{e.Modality}] ");

    public static string ToJson(EventMention e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ArticleJsonWriter.Compact))
        {
            w.WriteStartObject();
            w.WriteNumber("eventId", e.EventId);
            w.WriteString("articleId", e.ArticleId);
            Nullable(w, "day", e.Day);
            Nullable(w, "source", e.Source);
            Nullable(w, "sourceText", e.SourceText);
            Nullable(w, "target", e.Target);
            Nullable(w, "targetText", e.TargetText);
            w.WriteString("code", e.Code);
            w.WriteString("root", e.RootCode);
            w.WriteNumber("quadClass", e.QuadClass);
            w.WriteNumber("goldstein", e.Goldstein);
            w.WriteString("modality", e.Modality);
            w.WriteBoolean("negated", e.Negated);
            Nullable(w, "claimant", e.Claimant);
            w.WriteString("text", e.Text);
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            if (e.ArticleTone is { } tone) w.WriteNumber("articleTone", Math.Round(tone, 4)); else w.WriteNull("articleTone");
            Nullable(w, "url", e.Url);
            w.WriteString("articleSource", e.ArticleSource);
            w.WriteString("title", e.Title);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    internal static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
    internal static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>A store that cannot be read (an old or damaged file) is one line naming it, not a stack trace.</summary>
internal static class StoreErrors
{
    public static IEnumerable<T> Guard<T>(Arguments args, IEnumerable<T> rows)
    {
        using var e = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext()) yield break;
            }
            catch (Microsoft.Data.Sqlite.SqliteException sql)
            {
                throw new CommandFailedException($"cannot read {StoreOptions.Path(args)}: {sql.Message.Split('\n')[0]}");
            }
            yield return e.Current;
        }
    }

    public static T Guard<T>(Arguments args, Func<T> query)
    {
        try { return query(); }
        catch (Microsoft.Data.Sqlite.SqliteException sql)
        {
            throw new CommandFailedException($"cannot read {StoreOptions.Path(args)}: {sql.Message.Split('\n')[0]}");
        }
    }
}
