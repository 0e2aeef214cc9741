using System.Diagnostics;
using System.Text;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Storage.Export;

namespace NewsGraph.Cli.Commands;

public sealed class ExportCommand : ICommand
{
    public static readonly string[] Formats = ["gdelt-events", "gdelt-gkg", "jsonl", "csv", "graphml", "parquet"];

    public string Name => "export";
    public string Summary => "write the store as GDELT events/GKG, JSON Lines, CSV, GraphML or Parquet";
    public string Help => $"""
        usage: newsgraph export --format FORMAT [--since D] [--until D] [--db FILE] [--out FILE]

        Formats:
          gdelt-events   GDELT 2.0 Event layout: 61 tab-separated columns, no header; mentions of the
                         same event (day, actors, code) are one row with NumMentions/NumArticles
          gdelt-gkg      GDELT GKG 2.1 layout: 27 tab-separated columns, one record per article
          jsonl          one article a line with all its facts (the extract JSON)
          csv            events, one row per mention, RFC 4180, with a header
          graphml        the actor network: actors as nodes, events as directed weighted edges
          parquet        events with typed columns (needs --out)

          --since D      only events (articles, for gdelt-gkg and jsonl) on or after day D (YYYY-MM-DD)
          --until D      ... on or before day D
          --out FILE     write to FILE (replaced when the export completes) instead of standard output
        {StoreOptions.HelpLine}
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["format", "since", "until", "db", "out"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        var format = args.Option("format") ?? throw new UsageException("export needs --format (" + string.Join(", ", Formats) + ")");
        if (!Formats.Contains(format)) throw new UsageException($"unknown format '{format}'; one of: {string.Join(", ", Formats)}");
        var window = Window(args);
        var outPath = args.Option("out");
        if (format == "parquet" && outPath is null) throw new UsageException("parquet needs --out FILE (it is not written to a pipe)");

        using var store = StoreOptions.Open(args, readOnly: true);
        var clock = Stopwatch.StartNew();
        string? partial = null;
        Stream target;
        if (outPath is null)
        {
            terminal.Out.Flush();
            target = terminal.OutStream;
        }
        else
        {
            // Written beside the destination and moved into place at the end, so an interrupted
            // export never leaves a truncated file under the requested name.
            partial = outPath + ".partial";
            try { target = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandFailedException($"cannot write {outPath}: {e.Message}");
            }
        }

        string what;
        try
        {
            var counting = new ProgressStream(target, terminal);
            if (format == "parquet")
            {
                long n = ParquetEventExport.WriteAsync(store.Connection, window, counting).GetAwaiter().GetResult();
                what = $"{n:N0} events";
            }
            else
            {
                using var writer = new StreamWriter(counting, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                what = format switch
                {
                    "gdelt-events" => $"{new GdeltEventExport().Write(store.Connection, window, writer):N0} events",
                    "gdelt-gkg" => $"{new GkgExport().Write(store.Connection, window, writer):N0} GKG records",
                    "jsonl" => $"{JsonLinesExport.Write(store.Connection, window, writer):N0} articles",
                    "csv" => $"{CsvEventExport.Write(store.Connection, window, writer):N0} events",
                    _ => Describe(new GraphMlExport().Write(store.Connection, window, writer)),
                };
                writer.Flush();
            }
            counting.Flush();
        }
        catch (Exception e)
        {
            if (partial is not null)
            {
                target.Dispose();
                File.Delete(partial);
            }
            if (e is Microsoft.Data.Sqlite.SqliteException sql)
                throw new CommandFailedException($"cannot read {StoreOptions.Path(args)}: {sql.Message.Split('\n')[0]}");
            throw;
        }
        terminal.ClearProgress();
        if (partial is not null)
        {
            target.Dispose();
            File.Move(partial, outPath!, overwrite: true);
        }
        terminal.Message($"exported {what} as {format} to {outPath ?? "standard output"} in {clock.Elapsed.TotalSeconds:0.00} s");
        return 0;
    }

    private static string Describe((long Nodes, long Edges) graph) => $"{graph.Nodes:N0} actors and {graph.Edges:N0} edges";

    /// <summary>--since and --until, shared by export, events and dyads.</summary>
    public static DateWindow Window(Arguments args)
    {
        try
        {
            var window = new DateWindow(DateWindow.ParseDay(args.Option("since")), DateWindow.ParseDay(args.Option("until")));
            if (window is { Since: { } s, Until: { } u } && s > u) throw new UsageException($"--since {s:yyyy-MM-dd} is after --until {u:yyyy-MM-dd}");
            return window;
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Passes writes through and shows how much has been written, on a terminal.</summary>
    private sealed class ProgressStream(Stream inner, Terminal terminal) : Stream
    {
        private long _written;
        public override bool CanRead => false;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            _written += buffer.Length;
            terminal.Progress(() => $"exporting: {Terminal.Bytes(_written)} written");
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }
}
