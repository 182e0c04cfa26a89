using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Tests.Support;

namespace Vigil.Abstractions.Tests.Configuration;

public class ClusterConfigurationTests
{
    private static readonly MapLocator Locator = new(("global_defs:router_id", 4));

    [Fact]
    public void Section_IsTheTopLevelSection()
    {
        var configuration = new ClusterConfiguration(Tree.Of(("global_defs:router_id", "lb1")), Locator, ["/etc/keepalived/keepalived.conf"]);

        Assert.Equal("lb1", configuration.Section("global_defs")["router_id"]);
        Assert.False(configuration.Section("vrrp_instance").Exists());
    }

    [Fact]
    public void Locate_AsksTheLocator()
    {
        var configuration = new ClusterConfiguration(Tree.Of(), Locator, []);

        Assert.Equal(new SourceLocation(MapLocator.File, 4), configuration.Locate("global_defs:router_id"));
        Assert.Null(configuration.Locate("global_defs:other"));
        Assert.Same(Locator, configuration.Locator);
    }

    [Fact]
    public void Document_Present_IsTheDocument()
    {
        var hosts = new List<string> { "pxe1" };
        var configuration = new ClusterConfiguration(Tree.Of(), Locator, [], new Dictionary<string, object> { ["pxe.dhcpd"] = hosts });

        Assert.Same(hosts, configuration.Document<List<string>>("pxe.dhcpd"));
    }

    [Fact]
    public void Document_AsABaseType_IsTheDocument()
    {
        var hosts = new List<string> { "pxe1" };
        var configuration = new ClusterConfiguration(Tree.Of(), Locator, [], new Dictionary<string, object> { ["pxe.dhcpd"] = hosts });

        Assert.Same(hosts, configuration.Document<IReadOnlyList<string>>("pxe.dhcpd"));
    }

    [Fact]
    public void Document_NotRead_IsNull()
    {
        var configuration = new ClusterConfiguration(Tree.Of(), Locator, [], new Dictionary<string, object> { ["pxe.dhcpd"] = "x" });

        Assert.Null(configuration.Document<string>("other.source"));
    }

    [Fact]
    public void Document_NoDocumentsAtAll_IsNull()
    {
        Assert.Null(new ClusterConfiguration(Tree.Of(), Locator, []).Document<string>("pxe.dhcpd"));
    }

    [Fact]
    public void Document_OfAnotherType_ThrowsInvalidCast()
    {
        var configuration = new ClusterConfiguration(Tree.Of(), Locator, [], new Dictionary<string, object> { ["pxe.dhcpd"] = "text" });

        Assert.Throws<InvalidCastException>(() => configuration.Document<List<string>>("pxe.dhcpd"));
    }

    [Fact]
    public void WithDocuments_CarriesTheDocumentsAndAppendsTheFiles()
    {
        var root = Tree.Of(("global_defs:router_id", "lb1"));
        var original = new ClusterConfiguration(root, Locator, ["/etc/keepalived/keepalived.conf", "/etc/keepalived/conf.d/a.conf"]);

        var combined = original.WithDocuments(new Dictionary<string, object> { ["pxe.dhcpd"] = "parsed" }, ["/etc/dhcp/dhcpd.conf"]);

        Assert.Same(root, combined.Root);
        Assert.Same(Locator, combined.Locator);
        Assert.Equal(["/etc/keepalived/keepalived.conf", "/etc/keepalived/conf.d/a.conf", "/etc/dhcp/dhcpd.conf"], combined.Files);
        Assert.Equal("parsed", combined.Document<string>("pxe.dhcpd"));
    }

    [Fact]
    public void WithDocuments_LeavesTheOriginalAsItWas()
    {
        var original = new ClusterConfiguration(Tree.Of(), Locator, ["/etc/keepalived/keepalived.conf"]);

        original.WithDocuments(new Dictionary<string, object> { ["pxe.dhcpd"] = "parsed" }, ["/etc/dhcp/dhcpd.conf"]);

        Assert.Equal(["/etc/keepalived/keepalived.conf"], original.Files);
        Assert.Null(original.Document<string>("pxe.dhcpd"));
    }
}
