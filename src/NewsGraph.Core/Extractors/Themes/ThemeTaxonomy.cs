using System.Globalization;
using System.Reflection;

namespace NewsGraph.Core.Extractors.Themes;

/// <summary>One theme of the taxonomy: its code (SANCTIONS) and what it covers.</summary>
public sealed record ThemeDefinition(string Code, string Description);

/// <summary>One trigger term: its words, how they must match, and the theme it counts for.</summary>
public sealed class ThemeTerm
{
    internal ThemeTerm(string text, string[] words, bool exactCase, bool prefixLast, ThemeDefinition? theme, double weight)
    {
        Text = text;
        Words = words;
        ExactCase = exactCase;
        PrefixLast = prefixLast;
        Theme = theme;
        Weight = weight;
    }

    /// <summary>The term as the data file writes it.</summary>
    public string Text { get; }
    public string[] Words { get; }
    /// <summary>Matches only as written (the term had a capital letter, or a leading '=').</summary>
    public bool ExactCase { get; }
    /// <summary>The last word is a stem: "sanction*" matches "sanctions".</summary>
    public bool PrefixLast { get; }
    /// <summary>The theme it counts for; null for a blocking phrase of the [-] section.</summary>
    public ThemeDefinition? Theme { get; }
    public double Weight { get; }
}

/// <summary>
/// The news theme taxonomy read from its data file (Data/themes.tsv, embedded): themes and
/// their trigger terms with weights. Loaded once and shared read-only.
/// </summary>
public sealed class ThemeTaxonomy
{
    private static readonly Lazy<ThemeTaxonomy> Shared = new(() =>
    {
        const string resource = "NewsGraph.Themes.themes.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded theme data {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader, "themes.tsv");
    });

    public static ThemeTaxonomy Default => Shared.Value;

    private ThemeTaxonomy(IReadOnlyList<ThemeDefinition> themes, IReadOnlyList<ThemeTerm> terms)
    {
        Themes = themes;
        Terms = terms;
    }

    public IReadOnlyList<ThemeDefinition> Themes { get; }
    public IReadOnlyList<ThemeTerm> Terms { get; }

    /// <summary>Reads the taxonomy format (see the head of themes.tsv); throws on a malformed line, naming it.</summary>
    public static ThemeTaxonomy Parse(TextReader reader, string name)
    {
        var themes = new List<ThemeDefinition>();
        var terms = new List<ThemeTerm>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        ThemeDefinition? current = null;
        bool inSection = false;
        int number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[')
            {
                int close = line.IndexOf(']');
                if (close < 2) throw Bad(name, number, "a section needs [CODE]");
                var code = line[1..close].Trim();
                inSection = true;
                if (code == "-")
                {
                    current = null;
                    continue;
                }
                if (!codes.Add(code)) throw Bad(name, number, $"theme {code} is defined twice");
                current = new ThemeDefinition(code, line[(close + 1)..].Trim());
                themes.Add(current);
                continue;
            }
            if (!inSection) throw Bad(name, number, "a term before any [THEME] section");
            int space = line.IndexOfAny([' ', '\t']);
            if (space < 0 || !double.TryParse(line.AsSpan(0, space), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                throw Bad(name, number, "expected WEIGHT<TAB>TERM");
            var text = line[(space + 1)..].Trim();
            bool exact = text.StartsWith('=');
            if (exact) text = text[1..];
            exact |= text.Any(char.IsUpper);
            bool prefix = text.EndsWith('*');
            var words = (prefix ? text[..^1] : text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) throw Bad(name, number, "empty term");
            if (prefix && words[^1].Length < 4) throw Bad(name, number, "a stem before * needs at least four letters");
            terms.Add(new ThemeTerm(text, words, exact, prefix, current, weight));
        }
        return new ThemeTaxonomy(themes, terms);
    }

    private static InvalidDataException Bad(string name, int line, string problem) => new($"{name} line {line}: {problem}");
}
