using System.Text.Json;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.VirtualServers;
using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Channels;

/// <summary>Webhooks delivered to an HTTP receiver on 127.0.0.1 started by the test.</summary>
public sealed class WebhookNotifyTests
{
    [Fact]
    public async Task Rule_WebhookWithHeadersAndPayload_IsRetriedAfterA500()
    {
        using var http = new HttpReceiver();
        http.Statuses.Enqueue(500);
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("notify_webhook:0:name", "ops"),
            ("notify_webhook:0:url", http.Url),
            ("notify_webhook:0:header:0", "X-Token: abc"),
            ("notify_webhook:0:header:1", "X-Instance: {{ name }}"),
            ("notify_webhook:0:retries", "3"),
            ("notify_webhook:0:backoff", "100ms"),
            ("notify_webhook:0:payload", "{\"text\": {{ subject | json }}, \"state\": \"{{ new_state }}\", \"prio\": {{ priority }}}"),
            ("notify_rule:0:name", "vrrp-to-ops"),
            ("notify_rule:0:events", "vrrp_instance"),
            ("notify_rule:0:instance", "VI_*"),
            ("notify_rule:0:state", "master fault"),
            ("notify_rule:0:channel", "webhook:ops")));

        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Master, VrrpState.Backup));
        harness.Bus.Publish(Events.Vrrp("other", VrrpState.Backup, VrrpState.Master));
        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master));

        Assert.True(await Wait.UntilAsync(() => http.Requests.Count == 2 && (long?)harness.Status()["delivered"] == 1));
        var (method, body, headers) = http.Requests.Last();
        Assert.Equal("POST", method);
        Assert.Equal("abc", headers["X-Token"]);
        Assert.Equal("VI_1", headers["X-Instance"]);
        Assert.StartsWith("application/json", headers["Content-Type"]);
        using var json = JsonDocument.Parse(body);
        Assert.Equal($"[{Environment.MachineName}] VRRP Instance VI_1 - Entering MASTER state", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("MASTER", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(100, json.RootElement.GetProperty("prio").GetInt32());
    }

    [Fact]
    public async Task Rule_DefaultPayload_CarriesTheModelForAnyModulesEvent()
    {
        using var http = new HttpReceiver();
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("notify_webhook:0:name", "all"),
            ("notify_webhook:0:url", http.Url),
            ("notify_rule:0:name", "everything"),
            ("notify_rule:0:channel", "webhook:all")));

        harness.Bus.Publish(new VirtualServerQuorumChanged(VirtualServerKey.Parse("10.1.0.93 80"), true, 3, 2) { Source = "ipvs" });

        Assert.True(await Wait.UntilAsync(() => !http.Requests.IsEmpty));
        using var json = JsonDocument.Parse(http.Requests.Single().Body);
        Assert.Equal("virtual_server", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("UP", json.RootElement.GetProperty("new_state").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("fields").GetProperty("live_weight").GetInt32());
    }
}
