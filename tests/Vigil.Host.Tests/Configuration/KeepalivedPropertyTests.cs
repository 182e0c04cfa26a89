using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.Configuration;
using Vigil.Host.Configuration;
using Vigil.Host.Configuration.Keepalived;

namespace Vigil.Host.Tests.Configuration;

public sealed class KeepalivedPropertyTests : IDisposable
{
    private static readonly SourceLocation Nowhere = new("generated", 1);

    private static readonly string[] Fragments =
    [
        "vrrp_instance", "VI_1", "global_defs", "virtual_ipaddress", "real_server", "{", "}", "{}", "\"", "'", "#", "!",
        "@node1 ", "@^node1 ", "@", "$A=1", "$B={", "${A}", "$A", "${", "include x.conf", "include *.conf",
        "include {a,b}.conf", "includer nothing/*", "include", "\n", "\n", "\n", " ", "\t", "\r\n", "a", "1", "é", "\\",
        "\\x4", "\\c", ":", "name", "0", "[", "]*",
    ];

    private readonly TempConfig _temp = new();

    public void Dispose() => _temp.Dispose();

    [Property(MaxTest = 300)]
    public Property Load_ArbitraryText_ReportsIssuesButNeverThrows() =>
        Prop.ForAll(FuzzText().ToArbitrary(), text =>
        {
            _temp.Write("x.conf", "x 1\n");
            var result = ClusterConfigLoader.Load(_temp.Write("keepalived.conf", text), "node1");
            var report = ClusterValidator.Validate(result.Configuration!, FakeModule.Defaults, []);
            return result.Configuration is not null && report.Issues.All(i => i.ToString().Length > 0);
        });

    [Property(MaxTest = 300)]
    public Property PrintThenParse_GeneratedTree_GivesTheSameTree() =>
        Prop.ForAll(Nodes(3).ToArbitrary(), nodes =>
        {
            var tree = new ConfigTree();
            var reader = new KeepalivedSourceReader(tree, "node1");
            var path = _temp.Write("roundtrip.conf", KeepalivedPrinter.Print(nodes));
            reader.ReadMain(path);
            var parsed = KeepalivedParser.Parse(reader.Tokens, tree);
            return tree.Issues.Count == 0 && Same(nodes, parsed);
        });

    [Fact]
    public void PrintThenParse_AwkwardWords_SurviveQuoting()
    {
        ConfigNode[] nodes =
        [
            new("include", ["a b", "", "#x", "!", "{", "}"], Nowhere, null),
            new("@node2", ["$A", "\"q'", "back\\slash"], Nowhere, [new("k", ["tab\there", "new\nline"], Nowhere, null)]),
        ];
        var path = _temp.Write("awkward.conf", KeepalivedPrinter.Print(nodes));
        var tree = new ConfigTree();
        var reader = new KeepalivedSourceReader(tree, "node1");
        reader.ReadMain(path);

        Assert.True(Same(nodes, KeepalivedParser.Parse(reader.Tokens, tree)));
        Assert.Empty(tree.Issues);
    }

    private static Gen<string> FuzzText() =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));

    private static Gen<string> Words() =>
        Gen.Elements("a", "b", "vrrp", "10.0.0.1/24", "x y", "", "#", "!x", "{", "}", "'", "\"", "\\", "$A", "${A}", "é", "@n", "include", ":", "a:b")
            .ListOf().Select(parts => string.Concat(parts));

    private static Gen<ConfigNode[]> Nodes(int depth) =>
        Gen.Sized(size => Node(depth).ArrayOf(Math.Min(size, 6)).SelectMany(n => Gen.Choose(0, n.Length).Select(k => n[..k])));

    private static Gen<ConfigNode> Node(int depth) =>
        from keyword in Words()
        from args in Words().ListOf().Select(a => a.Take(4).ToArray())
        from isBlock in depth > 0 ? Gen.Elements(true, false) : Gen.Constant(false)
        from children in isBlock ? Nodes(depth - 1) : Gen.Constant<ConfigNode[]>([])
        select new ConfigNode(keyword, args, Nowhere, isBlock ? children : null);

    private static bool Same(IReadOnlyList<ConfigNode> expected, IReadOnlyList<ConfigNode> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p =>
            p.First.Keyword == p.Second.Keyword
            && p.First.Args.SequenceEqual(p.Second.Args)
            && p.First.IsBlock == p.Second.IsBlock
            && (!p.First.IsBlock || Same(p.First.Children!, p.Second.Children!)));
}
