using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Knowledge.Building;

namespace NewsGraph.Cli.Commands.Train;

/// <summary><c>newsgraph train knowledge</c>: rebuilds the generated knowledge tables from the gazetteers and Phoenix dictionaries.</summary>
public sealed class TrainKnowledgeCommand : ISubcommand
{
    public string Name => "knowledge";
    public string Summary => "rebuild the country, place, organisation and role tables from GeoNames and Phoenix";
    public string Help => """
        usage: newsgraph train knowledge [--data DIR] [--out DIR]

        Converts GeoNames (countryInfo.txt, cities15000.txt), mledoze/countries (countries.json) and the
        Phoenix actor and agent dictionaries into the tables the entity stages load
        (countries.tsv, places.tsv, organisations.tsv, agents.tsv). Rebuild the project afterwards:
        the tables are embedded in NewsGraph.Core.

          --data DIR     the shared data folder holding gazetteers/ and petrarch2/ (default ../shared/data)
          --out DIR      where to write (default src/NewsGraph.Core/Knowledge/Data)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["data", "out"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        var data = args.Option("data", Path.Combine("..", "shared", "data"));
        var output = args.Option("out", Path.Combine("src", "NewsGraph.Core", "Knowledge", "Data"));
        if (!Directory.Exists(data)) throw new CommandFailedException($"no data folder at {data} (pass --data)");
        try
        {
            var report = KnowledgeBuilder.Build(data, output);
            terminal.Message($"wrote {report.Countries} countries, {report.Places:N0} places, {report.Organisations:N0} organisations and " +
                             $"{report.Agents:N0} role phrases to {output}");
            return 0;
        }
        catch (FileNotFoundException e)
        {
            throw new CommandFailedException(e.Message);
        }
    }
}
