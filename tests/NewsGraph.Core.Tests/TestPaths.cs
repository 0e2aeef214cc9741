namespace NewsGraph.Core.Tests;

/// <summary>Where fixtures and the optional shared data sets are.</summary>
public static class TestPaths
{
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string ReadFixture(string relative) => File.ReadAllText(Fixture(relative));

    /// <summary>The repository root (the folder holding NewsGraph.slnx).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsGraph.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// ../shared beside the repository (or beside a folder above it, as for a git worktree), present on
    /// developer machines and in CI, absent for users.
    /// </summary>
    public static string? Shared
    {
        get
        {
            for (var d = Directory.GetParent(RepoRoot); d is not null; d = d.Parent)
            {
                var path = Path.Combine(d.FullName, "shared");
                if (Directory.Exists(Path.Combine(path, "data"))) return path;
            }
            return null;
        }
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "newsgraph-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }
}
