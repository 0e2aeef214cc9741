using System.Text;

namespace NewsGraph.Core.Knowledge;

/// <summary>
/// The comparable form of a name: lower case, Latin diacritics folded ("Çavuşoğlu" is
/// "cavusoglu"), apostrophes and full stops dropped ("U.S." is "us", "O'Brien" is "obrien"),
/// hyphens, underscores and other punctuation turned into single spaces ("Amir-Abdollahian"
/// is "amir abdollahian"). Every lookup in the knowledge tables and every identity decision
/// compares these keys, so a spelling variant that differs only in such marks is the same name.
/// </summary>
public static class NameKey
{
    // Base letters of U+00C0..U+024F, from the Unicode decompositions (NUL where there is no
    // single Latin base letter). Normalize(FormD) is no help: the build runs with invariant
    // globalisation, where it leaves text untouched.
    private const string LatinBase =
        "AAAAAAACEEEEIIIIDNOOOOO\0OUUUUYTsaaaaaaaceeeeiiiidnooooo\0ouuuuytyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGg" +
        "Hh\0\0IiIiIiIiIi\0\0JjKk\0LlLlLl\0\0LlNnNnNn\0\0\0OoOoOoOoRrRrRrSsSsSsSsTtTt\0\0UuUuUuUuUuUuWwYyYZzZzZz\0\0\0\0\0\0\0\0\0" +
        "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Oo\0\0\0\0\0\0\0\0\0\0\0\0\0Uu\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0AaIiOoUuUuUuUuUu\0AaAa\0\0\0\0GgKkOo" +
        "Oo\0\0j\0\0\0Gg\0\0NnAa\0\0\0\0AaAaEeEeIiIiOoOoRrRrUuUuSsTt\0\0Hh\0\0\0\0\0\0AaEeOoOoOoOoYy\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

    /// <summary>The key of <paramref name="name"/> (empty when it holds no letter or digit).</summary>
    public static string Of(ReadOnlySpan<char> name)
    {
        // The common case, one plain ASCII word already in lower case ("minister", "said"), needs no builder.
        if (name.Length is > 0 and <= 64 && IsPlainLowerWord(name)) return new string(name);
        var sb = new StringBuilder(name.Length + 4);
        bool space = false;
        foreach (var raw in name)
        {
            if (raw is '\'' or '’' or '‘' or 'ʼ' or '`' or '´' or '.' or '\u00AD') continue;
            if (char.IsLetterOrDigit(raw))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                AppendFolded(sb, raw);
            }
            else if (raw == '&')
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append("and");
                space = true;
            }
            else space = true;
        }
        return sb.ToString();
    }

    private static bool IsPlainLowerWord(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9'))) return false;
        return true;
    }

    /// <summary>The key with its spaces removed: "amir abdollahian" and "amirabdollahian" meet here.</summary>
    public static string Compact(string key) => key.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The words of a key.</summary>
    public static string[] Words(string key) => key.Length == 0 ? [] : key.Split(' ');

    private static void AppendFolded(StringBuilder sb, char c)
    {
        if (c < 128)
        {
            sb.Append(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
            return;
        }
        switch (c)
        {
            case 'Æ' or 'æ': sb.Append("ae"); return;
            case 'Œ' or 'œ': sb.Append("oe"); return;
            case 'ß': sb.Append("ss"); return;
            case 'Þ' or 'þ': sb.Append("th"); return;
            case 'Ø' or 'ø': sb.Append('o'); return;
            case 'Đ' or 'đ' or 'Ð' or 'ð': sb.Append('d'); return;
            case 'Ł' or 'ł': sb.Append('l'); return;
            case 'ı': sb.Append('i'); return;
        }
        if (c >= '\u00C0' && c < '\u00C0' + LatinBase.Length && LatinBase[c - '\u00C0'] != '\0')
        {
            sb.Append(char.ToLowerInvariant(LatinBase[c - '\u00C0']));
            return;
        }
        sb.Append(char.ToLowerInvariant(c));
    }

    /// <summary>
    /// Whether two words differ by one transposed, dropped or added letter ("Abdollahian" and
    /// "Abdolalhian", "Zakharova" and "Zaharova"): the misspellings news copy really has. Short
    /// words never match (too many real names are one letter apart), nor do substitutions
    /// ("Hassan" and "Hassen" may be two people).
    /// </summary>
    public static bool OneSlipApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < 5 || b.Length < 5 || a[0] != b[0]) return false;
        if (a.Length == b.Length)
        {
            int i = 0;
            while (i < a.Length && a[i] == b[i]) i++;
            if (i == a.Length) return false;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
        }
        if (Math.Abs(a.Length - b.Length) != 1) return false;
        var longer = a.Length > b.Length ? a : b;
        var shorter = a.Length > b.Length ? b : a;
        int k = 0;
        while (k < shorter.Length && longer[k] == shorter[k]) k++;
        return longer[(k + 1)..].SequenceEqual(shorter[k..]);
    }
}
