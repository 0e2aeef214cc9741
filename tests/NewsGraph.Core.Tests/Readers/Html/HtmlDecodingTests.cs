using System.Text;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Readers.Html;

namespace NewsGraph.Core.Tests.Readers.Html;

public class HtmlDecodingTests
{
    private static readonly Encoding Cp1252 = TextDecoding.Windows1252;

    private static string Page(string charsetMeta) =>
        $"<html><head>{charsetMeta}<title>Café</title></head><body><p>Le café de la gare a rouvert ses portes lundi matin.</p></body></html>";

    [Fact]
    public void Meta_charset_in_the_head_is_followed()
    {
        var bytes = Cp1252.GetBytes(Page("<meta charset=\"windows-1252\">"));
        var decoded = HtmlDecoding.Decode(bytes, null);
        Assert.Equal(1252, decoded.Encoding.CodePage);
        Assert.Contains("Le café de la gare", decoded.Html);
        Assert.False(decoded.FellBack);
    }

    [Fact]
    public void Http_equiv_content_type_is_followed_after_a_comment()
    {
        var bytes = Encoding.GetEncoding("iso-8859-15").GetBytes("<!-- <meta charset=\"utf-8\"> -->" + Page("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-15'>").Replace("café", "café €"));
        var decoded = HtmlDecoding.Decode(bytes, null);
        Assert.Equal(28605, decoded.Encoding.CodePage);
        Assert.Contains("café €", decoded.Html);
    }

    [Fact]
    public void Http_charset_wins_over_the_page_s_own_declaration()
    {
        var bytes = Cp1252.GetBytes(Page("<meta charset=\"utf-8\">"));
        var decoded = HtmlDecoding.Decode(bytes, "text/html; charset=windows-1252");
        Assert.Contains("Le café de la gare", decoded.Html);
        Assert.Equal("HTTP charset", decoded.How);
    }

    [Fact]
    public void Utf8_page_labelled_latin1_is_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("<meta charset=\"iso-8859-1\">"));
        var decoded = HtmlDecoding.Decode(bytes, null);
        Assert.Contains("Le café de la gare", decoded.Html);
        Assert.IsType<UTF8Encoding>(decoded.Encoding);
    }

    [Fact]
    public void Byte_order_mark_wins_over_everything()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Page("<meta charset=\"windows-1252\">"))).ToArray();
        var decoded = HtmlDecoding.Decode(bytes, "text/html; charset=iso-8859-1");
        Assert.StartsWith("<html>", decoded.Html);
        Assert.Contains("Le café de la gare", decoded.Html);
    }

    [Fact]
    public void Undeclared_legacy_bytes_fall_back_to_windows_1252_and_say_so()
    {
        var decoded = HtmlDecoding.Decode(Cp1252.GetBytes(Page("")), null);
        Assert.True(decoded.FellBack);
        Assert.Contains("Le café de la gare", decoded.Html);
    }

    [Fact]
    public void A_stray_byte_in_a_utf8_page_costs_one_replacement_not_the_whole_page()
    {
        var text = Page("<meta charset=\"utf-8\">") + string.Concat(Enumerable.Repeat("<p>Crème brûlée à la carte, naïve façade.</p>", 30));
        var bytes = Encoding.UTF8.GetBytes(text).Concat(new byte[] { 0x93 }).ToArray();
        var decoded = HtmlDecoding.Decode(bytes, null);
        Assert.Contains("Crème brûlée", decoded.Html);
        Assert.Equal(1, decoded.InvalidSequences);
    }

    [Theory]
    [InlineData("text/html; charset=UTF-8", "UTF-8")]
    [InlineData("text/html;charset=\"windows-1251\"", "windows-1251")]
    [InlineData("text/html", null)]
    [InlineData(null, null)]
    public void Charset_is_read_from_a_content_type(string? contentType, string? charset) =>
        Assert.Equal(charset, HtmlDecoding.CharsetFromContentType(contentType));
}
