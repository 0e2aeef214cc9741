using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;

namespace NewsGraph.Core.Tests.Extractors.Segmentation;

public class TokenizerTests
{
    private static List<string> Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        return tokens.Select(t => text[t.Start..t.End]).ToList();
    }

    [Fact]
    public void Splits_possessives_and_contractions_like_the_treebank()
    {
        Assert.Equal(["Iran", "’s", "friends", "do", "n't", "agree", ",", "we", "'ve", "heard"],
            Tokens("Iran’s friends don't agree, we've heard"));
    }

    [Fact]
    public void Keeps_abbreviations_initials_and_hyphenated_names_whole()
    {
        Assert.Equal(["The", "U.S.", "envoy", "Dr.", "J.", "Smith", "met", "Diaz-Canel", "."],
            Tokens("The U.S. envoy Dr. J. Smith met Diaz-Canel."));
    }

    [Fact]
    public void Keeps_numbers_whole_and_splits_currency_and_percent()
    {
        Assert.Equal(["$", "130", ",", "6,210,298", "cases", ",", "1.4", "million", ",", "53", "%", ",", "2k", "new"],
            Tokens("$130, 6,210,298 cases, 1.4 million, 53%, 2k new"));
    }

    [Fact]
    public void Quotes_dashes_and_ellipses_are_their_own_tokens()
    {
        Assert.Equal(["“", "It", "’s", "over", "…", "”", "—", "he", "said", "..."],
            Tokens("“It’s over…” — he said..."));
    }

    [Fact]
    public void Urls_are_one_token_without_trailing_punctuation()
    {
        Assert.Equal(["See", "https://example.org/a?b=1", "."], Tokens("See https://example.org/a?b=1."));
    }

    [Fact]
    public void Token_offsets_cover_exactly_their_text()
    {
        const string text = "  Rezaei praised Tehran-Havana cooperation.  ";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        Assert.Equal(["Rezaei", "praised", "Tehran-Havana", "cooperation", "."], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(TokenKind.Punctuation, tokens[^1].Kind);
    }
}
