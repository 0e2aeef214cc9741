using System.Xml;
using System.Xml.Linq;
using NewsGraph.Storage.Export;

namespace NewsGraph.Core.Tests.Export;

/// <summary>Parses the GraphML export with System.Xml and checks what Gephi needs: namespace, declared keys, consistent ids.</summary>
public class GraphMlExportTests : IClassFixture<ExportFixtureStore>
{
    private static readonly XNamespace G = GraphMlExport.Namespace;
    private readonly ExportFixtureStore _store;

    public GraphMlExportTests(ExportFixtureStore store) => _store = store;

    private XDocument Graph(params string[] more)
    {
        var result = _store.Export("graphml", more);
        Assert.Equal(0, result.ExitCode);
        // A validating-free but strict parse: well-formed XML, no DTD.
        using var reader = XmlReader.Create(new StringReader(result.Stdout), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    private static string Data(XElement e, string key) => e.Elements(G + "data").Single(d => (string)d.Attribute("key")! == key).Value;

    [Fact]
    public void The_document_is_graphml_with_every_used_key_declared()
    {
        var doc = Graph();
        var root = doc.Root!;
        Assert.Equal(G + "graphml", root.Name);
        var keys = root.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("for")!);
        Assert.All(root.Elements(G + "key"), k =>
        {
            Assert.NotNull(k.Attribute("attr.name"));
            Assert.Contains((string)k.Attribute("attr.type")!, new[] { "string", "int", "long", "double", "float", "boolean" });
        });
        var graph = Assert.Single(root.Elements(G + "graph"));
        Assert.Equal("directed", (string)graph.Attribute("edgedefault")!);
        foreach (var data in graph.Descendants(G + "data"))
        {
            var key = (string)data.Attribute("key")!;
            Assert.True(keys.ContainsKey(key), $"key {key} is used but not declared");
            Assert.Equal(data.Parent!.Name.LocalName, keys[key]);
        }
    }

    [Fact]
    public void Actors_are_nodes_and_dyads_are_directed_edges_with_counts_and_goldstein()
    {
        var graph = Graph().Root!.Element(G + "graph")!;
        var nodes = graph.Elements(G + "node").ToDictionary(n => (string)n.Attribute("id")!);
        Assert.Equal(["FRACOP", "FRAOPP", "IRN", "USA"], nodes.Keys.Order());
        Assert.Equal("United States", Data(nodes["USA"], "label"));
        Assert.Equal("FRA", Data(nodes["FRACOP"], "country"));
        var edges = graph.Elements(G + "edge").ToList();
        Assert.Equal(edges.Count, edges.Select(e => (string)e.Attribute("id")!).Distinct().Count());
        Assert.All(edges, e =>
        {
            Assert.Contains((string)e.Attribute("source")!, nodes.Keys);
            Assert.Contains((string)e.Attribute("target")!, nodes.Keys);
        });
        var accuses = edges.Single(e => (string)e.Attribute("source")! == "USA" && (string)e.Attribute("target")! == "IRN");
        Assert.Equal("2", Data(accuses, "count"));
        Assert.Equal("-2", Data(accuses, "goldstein"));
        Assert.Equal("2", Data(accuses, "quad3"));
        Assert.Equal("1", Data(accuses, "conflict"));
        var talks = edges.Single(e => (string)e.Attribute("source")! == "IRN");
        Assert.Equal("3", Data(talks, "weight"));
        Assert.Equal(1.667, double.Parse(Data(talks, "goldstein"), System.Globalization.CultureInfo.InvariantCulture), 3);
        // The negated arrest is not an edge's event.
        Assert.Equal("2", Data(edges.Single(e => (string)e.Attribute("source")! == "FRACOP"), "count"));
    }

    [Fact]
    public void A_window_with_no_events_is_an_empty_but_valid_graph()
    {
        var graph = Graph("--since", "2030-01-01").Root!.Element(G + "graph")!;
        Assert.Empty(graph.Elements());
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped()
    {
        Assert.Equal("ab", GraphMlExport.XmlSafe("a\u0001b"));
        Assert.Equal("a😀", GraphMlExport.XmlSafe("a😀"));
        Assert.Equal("a", GraphMlExport.XmlSafe("a\uD800"));
    }
}
