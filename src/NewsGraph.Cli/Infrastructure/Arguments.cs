namespace NewsGraph.Cli.Infrastructure;

/// <summary>A command's parsed arguments: positionals, flags and valued options.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = new();

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> names the options that take a value.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var result = new Arguments();
        bool onlyPositionals = false;
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || arg == "-" || !arg.StartsWith('-'))
            {
                result.Positionals.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }
            var name = arg.TrimStart('-');
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            if (name is "h") name = "help";
            if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count) throw new UsageException($"option --{name} needs a value");
                    value = args[++i];
                }
                if (!result._options.TryGetValue(name, out var list)) result._options[name] = list = new List<string>();
                list.Add(value);
            }
            else if (flags.Contains(name) || name == "help")
            {
                if (value is not null) throw new UsageException($"option --{name} takes no value");
                result._flags.Add(name);
            }
            else throw new UsageException($"unknown option {arg}");
        }
        return result;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Option(string name) => _options.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var list) ? list : [];

    public string Option(string name, string fallback) => Option(name) ?? fallback;

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var raw = Option(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, out var value) || value < min || value > max)
            throw new UsageException($"option --{name} takes a whole number from {min} to {max}, not '{raw}'");
        return value;
    }
}

/// <summary>The user's words were off: printed as one line with a pointer to --help, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
