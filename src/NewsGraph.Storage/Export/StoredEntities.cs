using System.Text.Json;

namespace NewsGraph.Storage.Export;

/// <summary>What kind of thing an entity is, whatever label the tagger used (PER/PERSON, ORG, LOC/GPE ...).</summary>
public enum EntityKind { Other, Person, Organisation, Location }

/// <summary>An entity mention as the stored article JSON has it; offsets are code points into the text.</summary>
public sealed record StoredEntity(int Start, int End, string Text, EntityKind Kind, string? Canonical, string? Country, string? Actor,
    double? Latitude, double? Longitude, string? FeatureId, string? Adm1)
{
    public string Name => string.IsNullOrWhiteSpace(Canonical) ? Text : Canonical!;
}

/// <summary>
/// The entities and sentences of one stored article, read from its JSON (<c>articles.doc</c>),
/// so that the exports depend on the extract contract rather than on the entity tables'
/// schema. Coordinates and GeoNames ids are read when the entity layer provides them.
/// </summary>
public sealed class StoredEntities
{
    private StoredEntities(List<StoredEntity> entities, List<(int Start, int End)> sentences)
    {
        Entities = entities;
        Sentences = sentences;
    }

    public IReadOnlyList<StoredEntity> Entities { get; }
    public IReadOnlyList<(int Start, int End)> Sentences { get; }

    public static StoredEntities Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return From(doc.RootElement);
    }

    public static StoredEntities From(JsonElement root)
    {
        var entities = new List<StoredEntity>();
        if (root.TryGetProperty("entities", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in list.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object) continue;
                int? start = Int(e, "start"), end = Int(e, "end");
                if (start is null || end is null || end < start) continue;
                entities.Add(new StoredEntity(start.Value, end.Value, Str(e, "text") ?? "", KindOf(Str(e, "type")),
                    Str(e, "canonical"), Str(e, "country"), Str(e, "actor"),
                    Num(e, "latitude") ?? Num(e, "lat"), Num(e, "longitude") ?? Num(e, "lon") ?? Num(e, "lng"),
                    Str(e, "geonameId") ?? Str(e, "featureId"), Str(e, "adm1")));
            }
        }
        var sentences = new List<(int, int)>();
        if (root.TryGetProperty("sentences", out var s) && s.ValueKind == JsonValueKind.Array)
            foreach (var pair in s.EnumerateArray())
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
                    && pair[0].ValueKind == JsonValueKind.Number && pair[1].ValueKind == JsonValueKind.Number
                    && pair[0].TryGetInt32(out var a) && pair[1].TryGetInt32(out var b))
                    sentences.Add((a, b));
        return new StoredEntities(entities, sentences);
    }

    /// <summary>The sentence holding <paramref name="offset"/>, or the whole text when sentences are unknown.</summary>
    public (int Start, int End) SentenceAt(int offset)
    {
        foreach (var s in Sentences)
            if (offset >= s.Start && offset < s.End) return s;
        return (0, int.MaxValue);
    }

    /// <summary>
    /// The entity an event's actor refers to: a mention with the actor's surface text, else one
    /// carrying the actor code, preferring the event's sentence and then the nearest.
    /// </summary>
    public StoredEntity? ForActor(string? code, string? surface, int eventStart, int eventEnd)
    {
        var sentence = SentenceAt(eventStart);
        StoredEntity? best = null;
        long bestRank = long.MaxValue;
        foreach (var e in Entities)
        {
            bool textMatch = surface is not null && (e.Text.Equals(surface, StringComparison.Ordinal) || e.Name.Equals(surface, StringComparison.OrdinalIgnoreCase));
            bool codeMatch = code is not null && string.Equals(e.Actor, code, StringComparison.OrdinalIgnoreCase);
            if (!textMatch && !codeMatch) continue;
            bool inSentence = e.Start >= sentence.Start && e.End <= sentence.End;
            long rank = (textMatch ? 0 : 2L << 40) + (inSentence ? 0 : 1L << 40) + Distance(e, eventStart, eventEnd);
            if (rank < bestRank) { bestRank = rank; best = e; }
        }
        return best;
    }

    /// <summary>The place named closest to the event within its sentence, if any.</summary>
    public StoredEntity? PlaceNear(int eventStart, int eventEnd)
    {
        var sentence = SentenceAt(eventStart);
        return Entities.Where(e => e.Kind == EntityKind.Location && e.Start >= sentence.Start && e.End <= sentence.End)
            .MinBy(e => Distance(e, eventStart, eventEnd));
    }

    private static long Distance(StoredEntity e, int start, int end) =>
        e.End <= start ? start - e.End : e.Start >= end ? e.Start - end : 0;

    public static EntityKind KindOf(string? type) => type?.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => EntityKind.Person,
        "ORG" or "ORGANIZATION" or "ORGANISATION" => EntityKind.Organisation,
        "LOC" or "GPE" or "LOCATION" or "PLACE" => EntityKind.Location,
        _ => EntityKind.Other,
    };

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : null;
}
