using System.Diagnostics;

namespace NewsGraph.Cli.Infrastructure;

/// <summary>
/// Where output goes: data on stdout, messages on stderr, and a progress line on stderr only
/// when stderr is a terminal (so logs and pipes never fill with carriage returns).
/// </summary>
public sealed class Terminal
{
    private readonly TextWriter _err;
    private readonly bool _interactive;
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private int _progressWidth;

    /// <param name="output">Standard output, as bytes: JSON writers write to it directly.</param>
    public Terminal(Stream output, TextWriter error, bool interactive)
    {
        OutStream = output;
        Out = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { AutoFlush = false };
        _err = error;
        _interactive = interactive;
    }

    public static Terminal Console()
    {
        var stderr = new StreamWriter(System.Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        bool interactive = !System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
        return new Terminal(System.Console.OpenStandardOutput(), stderr, interactive);
    }

    /// <summary>Standard output for text. Flush it before writing to <see cref="OutStream"/> directly.</summary>
    public TextWriter Out { get; }
    public Stream OutStream { get; }

    public void Flush()
    {
        Out.Flush();
        OutStream.Flush();
    }
    public bool Interactive => _interactive;

    /// <summary>A one-line message on stderr ("newsgraph: ...").</summary>
    public void Message(string text)
    {
        // Data written so far comes first, so that on a terminal a message follows what it is about.
        if (_interactive) Out.Flush();
        ClearProgress();
        _err.WriteLine("newsgraph: " + text);
    }

    /// <summary>Redraws the progress line, at most ten times a second.</summary>
    public void Progress(Func<string> line, bool force = false)
    {
        if (!_interactive) return;
        if (!force && _sinceDraw.ElapsedMilliseconds < 100) return;
        _sinceDraw.Restart();
        var text = line();
        int width = 0;
        try { width = System.Console.WindowWidth; } catch (IOException) { }
        if (width > 10 && text.Length >= width) text = text[..(width - 1)];
        _err.Write("\r" + text.PadRight(_progressWidth));
        _progressWidth = text.Length;
    }

    public void ClearProgress()
    {
        if (_progressWidth == 0) return;
        _err.Write("\r" + new string(' ', _progressWidth) + "\r");
        _progressWidth = 0;
    }

    public static string Bar(double fraction, int width = 24)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        int filled = (int)Math.Round(fraction * width);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }

    public static string Bytes(double bytes) => bytes switch
    {
        < 1024 => $"{bytes:0} B",
        < 1024 * 1024 => $"{bytes / 1024:0.0} KB",
        < 1024L * 1024 * 1024 => $"{bytes / 1024 / 1024:0.0} MB",
        _ => $"{bytes / 1024 / 1024 / 1024:0.00} GB",
    };
}
