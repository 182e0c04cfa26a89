using Vigil.Host.Configuration;

namespace Vigil.Host.Tests.Configuration;

public sealed class GoldenEquivalenceTests
{
    [Fact]
    public void Load_KeepalivedAndJsonOfTheSameCluster_GiveTheSameTree()
    {
        var conf = ClusterConfigLoader.Load(Fixtures.PathOf("golden/cluster.conf"), "node1");
        var json = ClusterConfigLoader.Load(Fixtures.PathOf("golden/cluster.json"), "node1");

        Assert.Empty(conf.Issues);
        Assert.Empty(json.Issues);
        Assert.Equal(TreeDump.Of(conf.Configuration!), TreeDump.Of(json.Configuration!));
        Assert.Equal(43, TreeDump.Of(conf.Configuration!).Count);
    }

    [Theory]
    [InlineData("vrrp_instance:0:priority", 25, 26)]
    [InlineData("virtual_server:0:real_server:0:HTTP_GET:url:1:status_code", 55, 49)]
    [InlineData("global_defs:notification_email:1", 5, 4)]
    [InlineData("vrrp_instance:0:virtual_router_id:missing", 24, 25)]
    [InlineData("virtual_server_group:0:members:1", 71, 64)]
    public void Locate_SamePathInBothFormats_NamesEachFilesLine(string path, int confLine, int jsonLine)
    {
        var conf = ClusterConfigLoader.Load(Fixtures.PathOf("golden/cluster.conf"), "node1").Configuration!;
        var json = ClusterConfigLoader.Load(Fixtures.PathOf("golden/cluster.json"), "node1").Configuration!;

        Assert.Equal(confLine, conf.Locate(path)!.Line);
        Assert.Equal(jsonLine, json.Locate(path)!.Line);
    }
}
