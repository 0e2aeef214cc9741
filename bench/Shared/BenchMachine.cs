using System.Diagnostics;

/// <summary>What every benchmark needs from the machine: where the repository is, and CPU time that other jobs do not inflate.</summary>
internal static class BenchMachine
{
    /// <summary>The folder holding NewsGraph.slnx, found upwards from the benchmark's build output.</summary>
    public static string FindRepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "NewsGraph.slnx"))) d = d.Parent;
        return d?.FullName ?? Directory.GetCurrentDirectory();
    }

    /// <summary>
    /// The calling thread's own user+system CPU time, from /proc (Linux, in clock ticks): steadier than wall
    /// time on a shared machine. Elsewhere, the whole process's.
    /// </summary>
    public static double ThreadCpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12 here.
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
        }
        catch (IOException)
        {
            return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        }
    }
}
