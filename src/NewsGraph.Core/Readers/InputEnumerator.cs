namespace NewsGraph.Core.Readers;

/// <summary>
/// Expands command-line paths into inputs: files as they are, directories recursively in a
/// stable (ordinal) order, "-" as standard input. Paths that cannot be read are reported.
/// </summary>
public static class InputEnumerator
{
    public readonly record struct Entry(InputSource? Source, ReadProblem? Problem);

    public static IEnumerable<Entry> Expand(IEnumerable<string> paths, Func<Stream>? standardInput = null)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return new Entry(new InputSource("-", standardInput ?? Console.OpenStandardInput), null);
                continue;
            }
            if (Directory.Exists(path))
            {
                foreach (var entry in Walk(path)) yield return entry;
                continue;
            }
            if (File.Exists(path))
            {
                yield return new Entry(InputSource.FromFile(path), null);
                continue;
            }
            yield return new Entry(null, new ReadProblem(path, "no such file or directory"));
        }
    }

    private static IEnumerable<Entry> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (!TryList(dir, out var files, out var dirs, out var error))
            {
                yield return new Entry(null, new ReadProblem(dir, "cannot list directory: " + error));
                continue;
            }
            foreach (var file in files)
            {
                // Hidden files are editor swap files, OS metadata and VCS internals, not news.
                if (Path.GetFileName(file).StartsWith('.')) continue;
                yield return new Entry(InputSource.FromFile(file), null);
            }
            for (int i = dirs.Length - 1; i >= 0; i--)
                if (!Path.GetFileName(dirs[i]).StartsWith('.')) pending.Push(dirs[i]);
        }
    }

    private static bool TryList(string dir, out string[] files, out string[] dirs, out string? error)
    {
        try
        {
            files = Directory.GetFiles(dir);
            dirs = Directory.GetDirectories(dir);
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(dirs, StringComparer.Ordinal);
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files = dirs = [];
            error = ArticleReader.Describe(e);
            return false;
        }
    }
}
