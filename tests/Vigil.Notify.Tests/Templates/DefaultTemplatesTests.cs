using System.Text.Json;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.VirtualServers;
using Vigil.Notify.Tests.Support;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Notify.Tests.Templates;

public sealed class DefaultTemplatesTests
{
    private static readonly ModelContext Node1 = new("host1", "node1");

    [Theory]
    [InlineData(VrrpState.Master, "[node1] VRRP Instance VI_1 - Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <=")]
    [InlineData(VrrpState.Backup, "[node1] VRRP Instance VI_1 - Entering BACKUP state", "=> VRRP Instance is no longer owning VRRP VIPs <=")]
    [InlineData(VrrpState.Fault, "[node1] VRRP Instance VI_1 - Entering FAULT state", "=> VRRP Instance is no longer owning VRRP VIPs <=")]
    [InlineData(VrrpState.Stop, "[node1] VRRP Instance VI_1 - Stopping", "=> VRRP Instance stopping <=")]
    public void Render_VrrpInstance_MatchesKeepalivedMail(VrrpState state, string subject, string body)
    {
        var model = NotificationModel.Build(Events.Vrrp("VI_1", VrrpState.Init, state), Node1);

        Assert.Equal(subject, DefaultTemplates.Subject.Render(model));
        Assert.Equal(body, DefaultTemplates.Body.Render(model));
    }

    [Fact]
    public void Render_SyncGroup_MatchesKeepalivedMail()
    {
        var model = NotificationModel.Build(new VrrpSyncGroupStateChanged("G1", VrrpState.Backup, VrrpState.Master, "x"), Node1);

        Assert.Equal("[node1] VRRP Group G1 - Entering MASTER state", DefaultTemplates.Subject.Render(model));
        Assert.Equal("=> All VRRP group instances are now in MASTER state <=", DefaultTemplates.Body.Render(model));
    }

    [Fact]
    public void Render_RealServerDown_MatchesKeepalivedMail()
    {
        var model = NotificationModel.Build(Events.RealServer("10.1.0.93 80", "10.1.0.69 80", up: false), Node1);

        Assert.Equal("[node1] Realserver [10.1.0.69]:tcp:80 of virtual server [10.1.0.93]:tcp:80 - DOWN", DefaultTemplates.Subject.Render(model));
        Assert.Equal("=> TCP CHECK failed on service <=\nReason: connection refused", DefaultTemplates.Body.Render(model));
    }

    [Theory]
    [InlineData("TCP_CHECK", true, "", "=> TCP CHECK succeed on service <=")]
    [InlineData("HTTP_GET", true, "", "=> CHECK succeed on service <=")]
    [InlineData("SSL_GET", false, "bad status 500", "=> CHECK failed on service : HTTP/SSL request failed <=\nReason: bad status 500")]
    [InlineData("PING_CHECK", false, "timeout", "=> ICMP CHECK failed on service <=\nReason: timeout")]
    [InlineData("UDP_CHECK", true, "", "=> UDP CHECK succeed on service <=")]
    [InlineData("DNS_CHECK", false, "bad response", "=> DNS_CHECK: failed on service <=\nReason: bad response")]
    [InlineData("MISC_CHECK", true, "", "=> MISC CHECK succeeded on service <=")]
    [InlineData("MISC_CHECK", false, "timeout", "=> MISC CHECK timed out on service <=\nReason: timeout")]
    [InlineData("MISC_CHECK", false, "exit code 1", "=> MISC CHECK failed on service <=\nReason: exit code 1")]
    [InlineData("SMTP_CHECK", false, "", "=> CHECK failed on service <=")]
    [InlineData("HTTP_GET", false, "shutdown (omega)", "=> Shutting down <=")]
    public void Render_RealServer_UsesEachCheckersKeepalivedText(string checker, bool up, string reason, string body)
    {
        var model = NotificationModel.Build(
            new RealServerStateChanged(VirtualServerKey.Parse("10.1.0.93 80"), RealServerKey.Parse("10.1.0.69 80"), up, checker, reason) { Source = "checkers" },
            Node1);

        Assert.Equal(body, DefaultTemplates.Body.Render(model));
    }

    [Theory]
    [InlineData("10.1.0.93:53/udp", "10.1.0.69 53", "Realserver [10.1.0.69]:udp:53 of virtual server [10.1.0.93]:udp:53")]
    [InlineData("[2001:db8::93]:443", "2001:db8::69 8443", "Realserver [2001:db8::69]:tcp:8443 of virtual server [2001:db8::93]:tcp:443")]
    [InlineData("fwmark:7", "10.1.0.69 80", "Realserver [10.1.0.69]:tcp:80 of virtual server FWM 7")]
    [InlineData("group:web/tcp", "10.1.0.69 80", "Realserver [10.1.0.69]:tcp:80 of virtual server [web]:0")]
    public void Render_RealServerSubject_FormatsServersLikeKeepalived(string vs, string rs, string subject)
    {
        var model = NotificationModel.Build(
            new RealServerStateChanged(VirtualServerKey.Parse(vs), RealServerKey.Parse(rs), true, "TCP_CHECK", "") { Source = "checkers" },
            Node1);

        Assert.Equal($"[node1] {subject} - UP", DefaultTemplates.Subject.Render(model));
    }

    [Fact]
    public void Render_Quorum_MatchesKeepalivedSubject()
    {
        var model = NotificationModel.Build(new VirtualServerQuorumChanged(VirtualServerKey.Parse("10.1.0.93 80"), false, 0, 1), Node1);

        Assert.Equal("[node1] Virtualserver [10.1.0.93]:tcp:80 - DOWN", DefaultTemplates.Subject.Render(model));
    }

    [Fact]
    public void Render_FifoLines_MatchKeepalivedFormat()
    {
        Assert.Equal("INSTANCE \"VI_1\" MASTER 100", DefaultTemplates.FifoLine.Render(NotificationModel.Build(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master), Node1)));
        Assert.Equal("GROUP \"G1\" BACKUP 0", DefaultTemplates.FifoLine.Render(NotificationModel.Build(new VrrpSyncGroupStateChanged("G1", VrrpState.Master, VrrpState.Backup, ""), Node1)));
        Assert.Equal("RS [10.1.0.69]:tcp:80 [10.1.0.93]:tcp:80 UP", DefaultTemplates.FifoLine.Render(NotificationModel.Build(Events.RealServer("10.1.0.93 80", "10.1.0.69 80", up: true), Node1)));
        Assert.Equal("VS [10.1.0.93]:tcp:80 DOWN", DefaultTemplates.FifoLine.Render(NotificationModel.Build(new VirtualServerQuorumChanged(VirtualServerKey.Parse("10.1.0.93 80"), false, 0, 1), Node1)));
    }

    [Fact]
    public void Render_GenericArguments_AreKeepalivedsFour()
    {
        var model = NotificationModel.Build(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master, priority: 150), Node1);

        Assert.Equal(["INSTANCE", "VI_1", "MASTER", "150"], DefaultTemplates.GenericArguments.Render(model));
    }

    [Fact]
    public void Render_DefaultPayload_IsJsonWithTheModel()
    {
        var model = NotificationModel.Build(Events.Vrrp("VI \"1\"", VrrpState.Backup, VrrpState.Master) with { Timestamp = DateTimeOffset.UnixEpoch }, Node1);
        model["subject"] = "s";

        using var json = JsonDocument.Parse(DefaultTemplates.Payload.Render(model));

        Assert.Equal("vrrp_instance", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("VI \"1\"", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("MASTER", json.RootElement.GetProperty("new_state").GetString());
        Assert.Equal("s", json.RootElement.GetProperty("subject").GetString());
        Assert.Equal(51, json.RootElement.GetProperty("fields").GetProperty("virtual_router_id").GetInt32());
    }

    [Fact]
    public void Render_UnknownName_ThrowsTemplateRenderException()
    {
        var template = CompiledTemplate.TryCompile("{{ instanse }}", out _)!;

        Assert.Throws<TemplateRenderException>(() => template.Render(SampleEvents.Models[0]));
    }

    [Fact]
    public void TryCompile_SyntaxError_ReturnsMessage()
    {
        Assert.Null(CompiledTemplate.TryCompile("{{ if name }}", out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
