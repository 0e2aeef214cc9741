using NewsGraph.Storage;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Infrastructure;

/// <summary>The --db option every store command shares.</summary>
public static class StoreOptions
{
    public const string DefaultPath = "newsgraph.db";

    public static string Path(Arguments args) =>
        args.Option("db") ?? Environment.GetEnvironmentVariable("NEWSGRAPH_DB") ?? DefaultPath;

    public static SqliteArticleStore Open(Arguments args, bool readOnly)
    {
        try
        {
            return SqliteArticleStore.Open(Path(args), readOnly);
        }
        catch (StoreException e)
        {
            throw new CommandFailedException(e.Message);
        }
    }

    public const string HelpLine = "  --db FILE      the SQLite database (default ./newsgraph.db, or $NEWSGRAPH_DB)";
}
