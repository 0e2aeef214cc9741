using System.Diagnostics;
using System.Text;
using NewsGraph.Cli.Infrastructure;

namespace NewsGraph.Core.Tests.Cli;

/// <summary>Runs the newsgraph command in-process (or as a child process) and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var terminal = new Terminal(stdout, stderr, interactive: false);
        int code = NewsGraph.Cli.Program.Run(args, terminal);
        terminal.Flush();
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    /// <summary>Starts the real newsgraph program as a separate process (for tests that kill it).</summary>
    public static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "newsgraph.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }
}
