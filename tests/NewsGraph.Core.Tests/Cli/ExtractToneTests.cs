using System.Text.Json;

namespace NewsGraph.Core.Tests.Cli;

public class ExtractToneTests
{
    [Fact]
    public void Extract_writes_the_article_tone_and_on_request_one_tone_per_sentence()
    {
        var dir = TestPaths.TempDirectory();
        try
        {
            var file = Path.Combine(dir, "brief.txt");
            File.WriteAllText(file, "Rescue teams celebrated a triumph. Two people were killed in the blast.\n");
            var plain = CliRunner.Run("extract", file);
            Assert.Equal(0, plain.ExitCode);
            using var doc = JsonDocument.Parse(plain.StdoutLines[0]);
            var tone = doc.RootElement.GetProperty("tone");
            Assert.Equal(12, tone.GetProperty("wordCount").GetInt32());
            Assert.False(doc.RootElement.TryGetProperty("sentenceTones", out _));

            var detailed = CliRunner.Run("extract", file, "--sentence-tones");
            using var d = JsonDocument.Parse(detailed.StdoutLines[0]);
            var sentences = d.RootElement.GetProperty("sentenceTones").EnumerateArray().ToList();
            Assert.Equal(d.RootElement.GetProperty("sentences").GetArrayLength(), sentences.Count);
            Assert.True(sentences[0].GetProperty("tone").GetDouble() > 0);
            Assert.True(sentences[1].GetProperty("tone").GetDouble() < 0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
