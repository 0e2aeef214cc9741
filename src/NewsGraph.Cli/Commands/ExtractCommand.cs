using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Cli.Commands;

public sealed class ExtractCommand : ICommand
{
    public string Name => "extract";
    public string Summary => "read news files and write one JSON object per article to stdout";
    public string Help => $"""
        usage: newsgraph extract PATH... | -  [--pretty] [--tokens] [--paragraphs] [--sentence-tones] [--dictionaries DIR] [--threads N]

        Reads files, directories (recursively) and standard input ("-"); the format of each input is
        recognised from its content. Writes JSON Lines to stdout, one object per article; problems go
        to stderr, one line each, and the batch goes on.

          --pretty       indent the JSON for people (one object per block instead of per line)
          --tokens       include token offsets ("tokens": [[start, end], ...])
          --paragraphs   include paragraph offsets
          --sentence-tones  include one tone per sentence ("sentenceTones", in sentence order)
        {DictionaryOptions.HelpLine}
        {DictionaryOptions.ThreadsHelpLine}
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["dictionaries", "threads"];
    public IReadOnlyCollection<string> Flags => ["pretty", "tokens", "paragraphs", "sentence-tones"];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Positionals.Count == 0) throw new UsageException("extract needs at least one PATH, or - for standard input");
        var options = new ArticleJsonWriter.Options(Tokens: args.Flag("tokens"), Paragraphs: args.Flag("paragraphs"),
            SentenceTones: args.Flag("sentence-tones"));
        bool pretty = args.Flag("pretty");
        terminal.Out.Flush();
        // Not disposed: that would close stdout (or a test's stream) under the caller.
        var buffered = new BufferedStream(terminal.OutStream, 1 << 16);
        using var json = new Utf8JsonWriter(buffered, pretty ? ArticleJsonWriter.Pretty : ArticleJsonWriter.Compact);
        var newline = "\n"u8.ToArray();

        var batch = new BatchExtractor(ArticleReader.CreateDefault(), DictionaryOptions.Pipelines(args, terminal), terminal, DictionaryOptions.Threads(args));
        var summary = batch.Run(args.Positionals, article =>
        {
            ArticleJsonWriter.Write(json, article, options);
            json.Flush();
            json.Reset();
            buffered.Write(newline);
        });
        buffered.Flush();
        terminal.Message(summary.Describe("extracted"));
        return summary.ExitCode;
    }
}
