using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Tests.Configuration;

public sealed class KeepalivedConfigurationProviderTests : IDisposable
{
    private readonly TempConfig _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_NamedBlocksValuesFlagsAndLists_ProduceTheDocumentedTree()
    {
        var result = _temp.Load("""
            global_defs {
                router_id node1
                notification_email {
                    root@localhost
                    "My admin <admin@example.com>"
                }
            }
            vrrp_instance VI_1 {
                priority 100
                nopreempt
                notify_master "/etc/keepalived/notify.sh  master"
                authentication {
                    auth_type PASS
                }
                virtual_ipaddress {
                    10.0.0.1/24 dev eth0
                    10.0.0.2/24   dev eth0 label eth0:1
                }
            }
            vrrp_instance VI_2 {
                priority 90
            }
            """);

        Assert.Empty(result.Issues);
        Assert.Equal(
            [
                "global_defs:notification_email:0=root@localhost",
                "global_defs:notification_email:1=My admin <admin@example.com>",
                "global_defs:router_id=node1",
                "vrrp_instance:0:authentication:auth_type=PASS",
                "vrrp_instance:0:name=VI_1",
                "vrrp_instance:0:nopreempt=true",
                "vrrp_instance:0:notify_master=/etc/keepalived/notify.sh  master",
                "vrrp_instance:0:priority=100",
                "vrrp_instance:0:virtual_ipaddress:0=10.0.0.1/24 dev eth0",
                "vrrp_instance:0:virtual_ipaddress:1=10.0.0.2/24 dev eth0 label eth0:1",
                "vrrp_instance:1:name=VI_2",
                "vrrp_instance:1:priority=90",
            ],
            TreeDump.Of(result.Configuration!));
    }

    [Fact]
    public void Load_SingleNamedBlock_IsStillAnArray()
    {
        var result = _temp.Load("virtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n weight 1\n }\n}\n");

        Assert.Equal(
            ["virtual_server:0:name=10.0.0.1 80", "virtual_server:0:real_server:0:name=10.0.0.2 80", "virtual_server:0:real_server:0:weight=1"],
            TreeDump.Of(result.Configuration!));
    }

    [Fact]
    public void Load_VirtualServerGroup_KeepsEveryMemberLineInOrder()
    {
        var result = _temp.Load("virtual_server_group web {\n 10.0.0.1 80\n 10.0.0.1 80\n 2001:db8::1 80\n 10.0.0.2-10 80\n fwmark 7\n}\n");

        Assert.Empty(result.Issues);
        Assert.Equal(
            [
                "virtual_server_group:0:members:0=10.0.0.1 80", "virtual_server_group:0:members:1=10.0.0.1 80",
                "virtual_server_group:0:members:2=2001:db8::1 80", "virtual_server_group:0:members:3=10.0.0.2-10 80",
                "virtual_server_group:0:members:4=fwmark 7", "virtual_server_group:0:name=web",
            ],
            TreeDump.Of(result.Configuration!));
        Assert.Equal(6, result.Configuration!.Locate("virtual_server_group:0:members:4")!.Line);
    }

    [Fact]
    public void Load_RepeatedBlockWithoutArguments_BecomesAnArray()
    {
        var result = _temp.Load("HTTP_GET {\n url {\n path /a\n }\n url {\n path /b\n }\n}\n");

        Assert.Equal(["HTTP_GET:url:0:path=/a", "HTTP_GET:url:1:path=/b"], TreeDump.Of(result.Configuration!));
    }

    [Fact]
    public void Load_TopLevelTrackFileWithName_IsANamedBlockNotAList()
    {
        var result = _temp.Load("track_file f1 {\n file /tmp/x\n}\nvrrp_instance V {\n track_file {\n f1 weight 10\n }\n}\n");

        Assert.Equal(
            ["track_file:0:file=/tmp/x", "track_file:0:name=f1", "vrrp_instance:0:name=V", "vrrp_instance:0:track_file:0=f1 weight 10"],
            TreeDump.Of(result.Configuration!));
    }

    [Theory]
    [InlineData("a 1 # comment", "1")]
    [InlineData("a 1 ! comment", "1")]
    [InlineData("a 1#comment", "1")]
    [InlineData("a \"x # y\"", "x # y")]
    [InlineData("a 'x ! y'", "x ! y")]
    [InlineData("a abcd\" efg h \"mnop", "abcd efg h mnop")]
    [InlineData("a \"tab\\there\"", "tab\there")]
    [InlineData("a \"q\\\"q\"", "q\"q")]
    [InlineData("a \"\\x41\\101\"", "AA")]
    [InlineData("a \"\"", "")]
    [InlineData("a    b     c", "b c")]
    public void Load_CommentsAndQuotes_FollowKeepalived(string line, string expected)
    {
        var result = _temp.Load(line + "\n");

        Assert.Empty(result.Issues);
        Assert.Equal(expected, result.Configuration!.Root["a"]);
    }

    [Fact]
    public void Load_BracesOnOtherLinesOrInline_AreAccepted()
    {
        var result = _temp.Load("virtual_server fwmark 1\n{\n  real_server 10.0.0.1 80 { weight 2 }\n}\nauthentication { auth_type PASS }\n");

        Assert.Empty(result.Issues);
        Assert.Equal(
            ["authentication:auth_type=PASS", "virtual_server:0:name=fwmark 1", "virtual_server:0:real_server:0:name=10.0.0.1 80", "virtual_server:0:real_server:0:weight=2"],
            TreeDump.Of(result.Configuration!));
    }

    [Fact]
    public void Load_ConditionalLines_FollowTheConfigId()
    {
        var result = _temp.Load("@node1 a 1\n@node2 b 2\n@^node2 c 3\n@^node1 d 4\n");

        Assert.Equal(["a=1", "c=3"], TreeDump.Of(result.Configuration!));
    }

    [Fact]
    public void Load_Definitions_AreSubstituted()
    {
        var result = _temp.Load("$PRIO=100\n$NAME = VI_${PRIO} # comment\nvrrp_instance $NAME {\n priority $PRIO\n script \"echo ${PRIO}x $UNDEFINED $1\"\n}\n");

        Assert.Empty(result.Issues);
        Assert.Equal(
            ["vrrp_instance:0:name=VI_100", "vrrp_instance:0:priority=100", "vrrp_instance:0:script=echo 100x $UNDEFINED $1"],
            TreeDump.Of(result.Configuration!));
    }

    [Fact]
    public void Load_Include_GlobsRelativeToTheIncludingFileInSortedOrder()
    {
        _temp.Write("conf.d/b.conf", "vrrp_instance B {\n include ../parts/prio.inc\n}\n");
        _temp.Write("conf.d/a.conf", "vrrp_instance A {\n}\n");
        _temp.Write("conf.d/.hidden.conf", "hidden 1\n");
        _temp.Write("parts/prio.inc", "priority 7\n");

        var result = _temp.Load("include conf.d/*.conf\n");

        Assert.Empty(result.Issues);
        Assert.Equal(["vrrp_instance:0:name=A", "vrrp_instance:1:name=B", "vrrp_instance:1:priority=7"], TreeDump.Of(result.Configuration!));
        Assert.Equal(["keepalived.conf", "conf.d/a.conf", "conf.d/b.conf", "parts/prio.inc"], result.Configuration!.Files.Select(f => _temp.Relative(f)));
        Assert.Equal("parts/prio.inc:1", _temp.Relative(result.Configuration.Locate("vrrp_instance:1:priority")!.ToString()));
    }

    [Fact]
    public void Load_IncludeWithBraces_ExpandsEachAlternative()
    {
        _temp.Write("x.conf", "x 1\n");
        _temp.Write("y.conf", "y 2\n");

        var result = _temp.Load("include {y,x}.conf\n");

        Assert.Empty(result.Issues);
        Assert.Equal(["y.conf", "x.conf"], result.Configuration!.Files.Skip(1).Select(f => _temp.Relative(f)));
    }

    [Fact]
    public void Load_IncluderWithNoMatch_IsNotAnError()
    {
        var result = _temp.Load("includer conf.d/*.conf\na 1\n");

        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Locate_UnknownChild_FallsBackToNearestAncestor()
    {
        var result = _temp.Load("\nvrrp_instance VI_1 {\n\n  priority 100\n}\n");
        var configuration = result.Configuration!;

        Assert.Equal(4, configuration.Locate("vrrp_instance:0:priority")!.Line);
        Assert.Equal(2, configuration.Locate("vrrp_instance:0:virtual_router_id")!.Line);
        Assert.Equal(2, configuration.Locate("vrrp_instance")!.Line);
        Assert.Null(configuration.Locate("nothing"));
    }

    [Fact]
    public void Load_DuplicateValue_WarnsAndKeepsTheLast()
    {
        var result = _temp.Load("vrrp_instance V {\n priority 1\n priority 2\n}\n");

        Assert.Equal("keepalived.conf:3: warning: duplicate 'priority' in vrrp_instance V, the last one is used", _temp.Relative(Assert.Single(result.Issues).ToString()));
        Assert.Equal("2", result.Configuration!.Root["vrrp_instance:0:priority"]);
    }

    [Fact]
    public void Load_MissingMainFile_GivesNoConfigurationAndOneError()
    {
        var result = ClusterConfigLoaderPath("missing.conf");

        Assert.Null(result.Configuration);
        Assert.Equal(ConfigSeverity.Error, Assert.Single(result.Issues).Severity);
        Assert.Equal("missing.conf: error: cannot read configuration file 'missing.conf': no such file", _temp.Relative(result.Issues[0].ToString()));
    }

    private Vigil.Host.Configuration.ClusterLoadResult ClusterConfigLoaderPath(string name) =>
        Vigil.Host.Configuration.ClusterConfigLoader.Load(Path.Combine(_temp.Dir, name), "node1");
}
