using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Vigil.Host.Configuration;

namespace Vigil.Host.Tests.Configuration;

public sealed class ChildKeyIndexTests
{
    private static readonly string[] Segments = ["virtual_server", "real_server", "0", "1", "10", "2", "Weight", "weight", "HTTP_GET", "url", "path"];

    [Fact]
    public void Of_NestedKeys_GivesEachImmediateChildOnce()
    {
        var index = new ChildKeyIndex(["a:0:x", "a:0:y", "a:1:x", "b", "a:0:x:deep"]);

        Assert.Equal(["a", "b"], index.Of(null).Order());
        Assert.Equal(["0", "1"], index.Of("a").Order());
        Assert.Equal(["x", "y"], index.Of("A:0").Order());
        Assert.Equal(["deep"], index.Of("a:0:x"));
        Assert.Empty(index.Of("b"));
        Assert.Empty(index.Of("missing"));
    }

    [Fact]
    public void Of_KeysDifferingOnlyInCase_AreOneChild()
    {
        var index = new ChildKeyIndex(["vs:Weight", "VS:weight"]);

        Assert.Equal(["vs"], index.Of(null));
        Assert.Single(index.Of("vs"));
    }

    [Property(MaxTest = 300)]
    public Property GetChildren_AnyKeys_SameAsTheStockProvider() =>
        Prop.ForAll(Keys().ToArbitrary(), keys =>
        {
            var data = keys.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(k => k, _ => (string?)"v", StringComparer.OrdinalIgnoreCase);
            var stock = new ConfigurationBuilder().Add(new MemoryConfigurationSource { InitialData = data }).Build();
            var indexed = new ConfigurationBuilder().Add(new IndexedSource(data)).Build();
            var paths = new List<string?> { null };
            paths.AddRange(data.Keys.SelectMany(Prefixes));
            // Keys differing only in case name one section; which spelling the stock provider keeps depends on its sort.
            return paths.All(p => Children(stock, p).SequenceEqual(Children(indexed, p), StringComparer.OrdinalIgnoreCase));
        });

    private static Gen<string[]> Keys() =>
        Gen.Elements(Segments).ArrayOf().Where(s => s.Length is > 0 and < 5).Select(s => string.Join(':', s)).ArrayOf();

    private static IEnumerable<string> Prefixes(string key)
    {
        for (var i = key.IndexOf(':'); i >= 0; i = key.IndexOf(':', i + 1))
        {
            yield return key[..i];
        }

        yield return key;
    }

    private static IEnumerable<string> Children(IConfiguration root, string? path) =>
        (path is null ? root.GetChildren() : root.GetSection(path).GetChildren()).Select(c => c.Path);

    private sealed class IndexedSource(Dictionary<string, string?> data) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new IndexedProvider(data);
    }

    private sealed class IndexedProvider(Dictionary<string, string?> data) : TreeConfigurationProvider
    {
        protected override ConfigTree ReadTree()
        {
            var tree = new ConfigTree();
            foreach (var (key, value) in data)
            {
                tree.Data[key] = value;
            }

            return tree;
        }
    }
}
