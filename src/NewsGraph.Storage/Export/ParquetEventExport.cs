using Microsoft.Data.Sqlite;
using NewsGraph.Storage.Queries;
using Parquet;
using Parquet.Schema;

namespace NewsGraph.Storage.Export;

/// <summary>
/// Events as an Apache Parquet file for pandas, Spark, DuckDB or Arrow: one row per stored event
/// mention, typed columns (int64 ids, a DATE day, int32 offsets and QuadClass, double Goldstein
/// and tone, boolean negated, UTF-8 strings), Snappy-compressed, written in row groups of
/// <see cref="RowGroupSize"/> so that memory stays bounded whatever the store's size.
/// </summary>
public static class ParquetEventExport
{
    public const int RowGroupSize = 50_000;

    private static readonly DataField<long> EventId = new("event_id");
    private static readonly DataField<string> ArticleId = new("article_id");
    private static readonly DateTimeDataField Day = new("day", DateTimeFormat.Date, isNullable: true);
    private static readonly DataField<string> Source = new("source", nullable: true);
    private static readonly DataField<string> SourceName = new("source_name", nullable: true);
    private static readonly DataField<string> Target = new("target", nullable: true);
    private static readonly DataField<string> TargetName = new("target_name", nullable: true);
    private static readonly DataField<string> Code = new("code");
    private static readonly DataField<string> BaseCode = new("base_code");
    private static readonly DataField<string> RootCode = new("root_code");
    private static readonly DataField<int> QuadClass = new("quad_class");
    private static readonly DataField<double> Goldstein = new("goldstein");
    private static readonly DataField<string> Modality = new("modality");
    private static readonly DataField<bool> Negated = new("negated");
    private static readonly DataField<string> Claimant = new("claimant", nullable: true);
    private static readonly DataField<string> Text = new("text");
    private static readonly DataField<int> Start = new("start");
    private static readonly DataField<int> End = new("end");
    private static readonly DataField<double?> ArticleTone = new("article_tone");
    private static readonly DataField<string> Url = new("url", nullable: true);
    private static readonly DataField<string> ArticleSource = new("article_source");
    private static readonly DataField<string> Title = new("title");

    public static readonly ParquetSchema Schema = new(EventId, ArticleId, Day, Source, SourceName, Target, TargetName, Code,
        BaseCode, RootCode, QuadClass, Goldstein, Modality, Negated, Claimant, Text, Start, End, ArticleTone, Url, ArticleSource, Title);

    /// <summary>Writes to <paramref name="output"/>, which must be seekable (a file).</summary>
    public static async Task<long> WriteAsync(SqliteConnection connection, DateWindow window, Stream output, CancellationToken cancel = default)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(Schema, output, options, cancellationToken: cancel);
        var batch = new List<EventMention>(RowGroupSize);
        long written = 0;
        foreach (var e in EventQueries.Events(connection, new EventFilter { Window = window }))
        {
            batch.Add(e);
            if (batch.Count < RowGroupSize) continue;
            await WriteGroupAsync(writer, batch, cancel);
            written += batch.Count;
            batch.Clear();
        }
        // A file with no events still has one (empty) row group, so readers see the schema.
        if (batch.Count > 0 || written == 0) await WriteGroupAsync(writer, batch, cancel);
        return written + batch.Count;
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, List<EventMention> rows, CancellationToken cancel)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(EventId, Column(rows, e => e.EventId), cancellationToken: cancel);
        await group.WriteAsync(ArticleId, rows.Select(e => e.ArticleId).ToList());
        await group.WriteAsync<DateTime>(Day, Column(rows, e => GdeltText.Day(e.Day) is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : (DateTime?)null), cancellationToken: cancel);
        await group.WriteAsync(Source, rows.Select(e => e.Source).ToList()!);
        await group.WriteAsync(SourceName, rows.Select(e => e.SourceText).ToList()!);
        await group.WriteAsync(Target, rows.Select(e => e.Target).ToList()!);
        await group.WriteAsync(TargetName, rows.Select(e => e.TargetText).ToList()!);
        await group.WriteAsync(Code, rows.Select(e => e.Code).ToList());
        await group.WriteAsync(BaseCode, rows.Select(e => e.BaseCode).ToList());
        await group.WriteAsync(RootCode, rows.Select(e => e.RootCode).ToList());
        await group.WriteAsync(QuadClass, Column(rows, e => e.QuadClass), cancellationToken: cancel);
        await group.WriteAsync(Goldstein, Column(rows, e => e.Goldstein), cancellationToken: cancel);
        await group.WriteAsync(Modality, rows.Select(e => e.Modality).ToList());
        await group.WriteAsync(Negated, Column(rows, e => e.Negated), cancellationToken: cancel);
        await group.WriteAsync(Claimant, rows.Select(e => e.Claimant).ToList()!);
        await group.WriteAsync(Text, rows.Select(e => e.Text).ToList());
        await group.WriteAsync(Start, Column(rows, e => e.Start), cancellationToken: cancel);
        await group.WriteAsync(End, Column(rows, e => e.End), cancellationToken: cancel);
        await group.WriteAsync<double>(ArticleTone, Column(rows, e => e.ArticleTone), cancellationToken: cancel);
        await group.WriteAsync(Url, rows.Select(e => e.Url).ToList()!);
        await group.WriteAsync(ArticleSource, rows.Select(e => e.ArticleSource).ToList());
        await group.WriteAsync(Title, rows.Select(e => e.Title).ToList());
    }

    private static ReadOnlyMemory<T> Column<T>(List<EventMention> rows, Func<EventMention, T> value)
    {
        var array = new T[rows.Count];
        for (int i = 0; i < array.Length; i++) array[i] = value(rows[i]);
        return array;
    }
}
