namespace NewsGraph.Cli.Infrastructure;

/// <summary>
/// Where the developer data sets are: the shared folder beside the repository (../shared), found
/// from the working directory or from where the command was built. Only training and evaluation
/// commands use it; extraction never needs anything outside the installed tool.
/// </summary>
public static class DataPaths
{
    /// <summary>The repository root (the folder holding NewsGraph.slnx) above the working directory or the tool, if any.</summary>
    public static string? RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var d = new DirectoryInfo(start);
            while (d is not null && !File.Exists(Path.Combine(d.FullName, "NewsGraph.slnx"))) d = d.Parent;
            if (d is not null) return d.FullName;
        }
        return null;
    }

    /// <summary>
    /// A path under shared/data beside the repository (or beside a folder above it, as for a git
    /// worktree under wt/), or null when there is no shared folder.
    /// </summary>
    public static string? Shared(string relative)
    {
        var root = RepoRoot();
        for (var d = root is null ? null : Directory.GetParent(root); d is not null; d = d.Parent)
        {
            var path = Path.GetFullPath(Path.Combine(d.FullName, "shared", "data", relative));
            if (File.Exists(path) || Directory.Exists(path)) return path;
        }
        return null;
    }
}
