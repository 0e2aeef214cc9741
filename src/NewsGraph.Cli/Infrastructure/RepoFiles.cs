namespace NewsGraph.Cli.Infrastructure;

/// <summary>Finds files that ship in the repository (evaluation sets) from the working directory or the program's own folder.</summary>
public static class RepoFiles
{
    /// <summary>The first existing <paramref name="relative"/> path in the working directory or a folder above it, or above the program.</summary>
    public static string? Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The files a user named with --file, or the shipped halves (dev and held-out) by name.</summary>
    public static IReadOnlyList<(string Name, string Path)> EvalSets(Arguments args, string folder)
    {
        var files = args.Options("file");
        if (files.Count > 0)
        {
            foreach (var f in files)
                if (!File.Exists(f)) throw new CommandFailedException($"no such file: {f}");
            return files.Select(f => (System.IO.Path.GetFileNameWithoutExtension(f), f)).ToList();
        }
        var sets = new List<(string, string)>();
        foreach (var half in new[] { "dev", "heldout" })
            if (Find(System.IO.Path.Combine("eval", folder, half + ".jsonl")) is { } path) sets.Add((half, path));
        if (sets.Count == 0)
            throw new CommandFailedException($"cannot find eval/{folder}/dev.jsonl or heldout.jsonl from here; run inside the repository or pass --file F");
        return sets;
    }
}
