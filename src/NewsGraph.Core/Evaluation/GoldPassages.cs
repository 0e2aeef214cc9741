using System.Text.Json;

namespace NewsGraph.Core.Evaluation;

/// <summary>
/// Reads a labelled set written as JSON Lines, one passage a line: blank lines are skipped, and a
/// line that is not a passage stops the load with its file and line number, since a score over a
/// silently shortened set would mislead.
/// </summary>
public static class GoldPassages
{
    /// <param name="parse">Makes a passage of one line's object; the fallback id ("line 7") is for lines without one.</param>
    public static IReadOnlyList<T> Load<T>(string path, Func<JsonElement, string, T> parse)
    {
        var passages = new List<T>();
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            try
            {
                using var doc = JsonDocument.Parse(raw);
                passages.Add(parse(doc.RootElement, $"line {line}"));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{line}: not a gold passage ({e.Message.Split('\n')[0]})");
            }
        }
        return passages;
    }

    /// <summary>A string property, or null when it is missing or not a string.</summary>
    public static string? String(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
