using Microsoft.Data.Sqlite;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Storage.Sqlite.Annotations;

/// <summary>
/// One kind of fact stored beside each article (quotes, amounts, events ...), in tables of its
/// own so that queries and exports need not parse the article JSON. A new kind is a new class
/// in this folder and one line in <see cref="AnnotationTables.All"/>. Rows are written only when
/// their article is new, in the article's transaction, so a re-run never duplicates them.
/// Offsets in every table are Unicode code points into the article text, as in the JSON.
/// </summary>
public interface IAnnotationTable
{
    /// <summary>Statements creating the tables and indexes; each must be idempotent (IF NOT EXISTS).</summary>
    string Schema { get; }

    /// <summary>
    /// Columns added to the table after it first shipped: a database made by an older build gets them
    /// with ALTER TABLE when it is opened (the CREATE statements in <see cref="Schema"/> already hold them).
    /// </summary>
    IReadOnlyList<(string Table, string Column, string Type)> AddedColumns => [];

    /// <summary>Prepares the inserts for one batch inside <paramref name="transaction"/>.</summary>
    IAnnotationWriter Begin(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>Brings a table written by an older build up to <see cref="Schema"/>, before it runs; idempotent.</summary>
    void Upgrade(SqliteConnection connection, SqliteTransaction transaction) { }
}

public interface IAnnotationWriter : IDisposable
{
    void Write(long articleRowId, Article article, CodePointOffsets offsets);
}

public static class AnnotationTables
{
    public static IReadOnlyList<IAnnotationTable> All { get; } =
    [
        // First: it gives the article's entities their store-wide ids, which the quotes' speakers refer to.
        new EntityTable(),
        new QuoteTable(),
        new AmountTable(),
        new CasualtyCountTable(),
        new DateTable(),
        new EventTable(),
        new ToneTable(),
        new ThemeTable(),
    ];
}

/// <summary>A prepared insert whose parameters are bound by name, reused for every row of a batch.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly Dictionary<string, SqliteParameter> _parameters = new(StringComparer.Ordinal);

    public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns)
        {
            // No declared type: each value binds as what it is (integer, real, text), as the columns expect.
            var parameter = new SqliteParameter { ParameterName = "$" + column, Value = DBNull.Value };
            _command.Parameters.Add(parameter);
            _parameters[column] = parameter;
        }
        _command.Prepare();
    }

    public PreparedInsert Set(string column, object? value)
    {
        _parameters[column].Value = value ?? DBNull.Value;
        return this;
    }

    public void Run() => _command.ExecuteNonQuery();

    public void Dispose() => _command.Dispose();
}
