using System.Globalization;

namespace NewsGraph.Core.Extractors.Events.Cameo;

/// <summary>What the codebook says of one event code.</summary>
public readonly record struct CameoCode(string Code, string Root, int QuadClass, double Goldstein, string? Name);

/// <summary>
/// The CAMEO event codebook with GDELT's Goldstein values (cameo-codes.tsv, shipped inside the
/// assembly). Roots are the first two digits; GDELT's QuadClass follows from the root: 1 verbal
/// cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
/// </summary>
public static class CameoCodebook
{
    private const string Resource = "NewsGraph.Events.Cameo.cameo-codes.tsv";
    private static readonly Lazy<Dictionary<string, (double Goldstein, string Name)>> _codes = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static int Count => _codes.Value.Count;

    public static bool IsKnown(string code) => _codes.Value.ContainsKey(code);

    /// <summary>
    /// Describes <paramref name="code"/>. A code the codebook lacks (a user dictionary's "174K")
    /// takes the Goldstein value of its longest known prefix, and QuadClass 0 if its root is not CAMEO.
    /// </summary>
    public static CameoCode Describe(string code)
    {
        var codes = _codes.Value;
        string root = code.Length >= 2 ? code[..2] : code;
        int quad = QuadClassOf(root);
        for (int len = code.Length; len >= 2; len--)
            if (codes.TryGetValue(code[..len], out var known))
                return new CameoCode(code, root, quad, known.Goldstein, len == code.Length ? known.Name : null);
        return new CameoCode(code, root, quad, 0, null);
    }

    public static int QuadClassOf(string root) =>
        int.TryParse(root, NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r switch
        {
            >= 1 and <= 5 => 1,
            >= 6 and <= 8 => 2,
            >= 9 and <= 13 => 3,
            >= 14 and <= 20 => 4,
            _ => 0,
        } : 0;

    private static Dictionary<string, (double, string)> Load()
    {
        using var stream = typeof(CameoCodebook).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the CAMEO codebook {Resource} is missing from NewsGraph.Core");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 3) continue;
            result[cols[0]] = (double.Parse(cols[1].TrimEnd('*'), CultureInfo.InvariantCulture), cols[2]);
        }
        return result;
    }
}
