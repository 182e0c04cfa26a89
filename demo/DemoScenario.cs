using System.Diagnostics;
using System.Globalization;

namespace Vigil.Demo;

/// <summary>
/// The story: two nodes come up and node-a takes the VIP; node-a's web server stops, chk_nginx lowers its priority
/// by 5 to 95 and node-b (98) takes over; the web server comes back and node-a (100) takes the VIP back; node-a
/// dies and node-b takes over. The client requests the VIP throughout.
/// </summary>
internal sealed class DemoScenario(DemoLab lab, DemoDaemon daemon, Narrator say, CancellationToken cancellationToken) : IDemoStory
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the client is left alone between steps, so its log shows steady service too.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.5);
    private readonly ClientLog _client = new();
    private readonly List<string> _failovers = [];
    private DemoNodeProcess[] _nodes = [];
    private GroupProcess? _clientProcess;

    /// <inheritdoc />
    public string Title => $"the seed's high-availability nginx example, with {daemon.Name} on two nodes in network namespaces";

    /// <inheritdoc />
    public IEnumerable<GroupProcess> Reported =>
        _nodes.Select(n => n.Daemon).Append(_clientProcess).OfType<GroupProcess>();

    /// <inheritdoc />
    public void Run()
    {
        var layout = lab.Layout;
        say.Say($"lab {layout.Prefix}*: node-a {layout.Nodes[0].Address}, node-b {layout.Nodes[1].Address}, client {DemoLayout.ClientAddress}, VIP {DemoLayout.Vip} on a bridge");
        lab.Create();
        _nodes = [.. layout.Nodes.Select(n => new DemoNodeProcess(lab, n, daemon))];
        var web = Path.Combine(lab.Directory, DemoLayout.WebProcessName);
        File.CreateSymbolicLink(web, DemoCommand.Executable);
        foreach (var node in _nodes)
        {
            node.Boot();
            node.StartWeb(web);
        }

        say.Say($"web servers up: '{DemoLayout.WebProcessName}' on node-a and node-b, each answering \"served by <node>\"");
        say.Say($"configuration: {lab.Directory}/node-a.conf and node-b.conf (the seed's nginx example: chk_nginx weight {DemoConfigWriter.ScriptWeight}, advert_int {DemoConfigWriter.AdvertInterval} s)");

        var (a, b) = (_nodes[0], _nodes[1]);
        var watch = Stopwatch.StartNew();
        a.StartDaemon();
        say.Say($"started {daemon.Name} on node-a (MASTER, priority 100)");
        WaitForHolder(a, watch, "node-a holds the VIP", failover: false);
        b.StartDaemon();
        say.Say($"started {daemon.Name} on node-b (BACKUP, priority 98)");
        Pause(TimeSpan.FromSeconds(2));
        say.Say($"VIP holder: {Holder()}");

        _clientProcess = lab.Start("the client", ["ip", "netns", "exec", layout.ClientNamespace, DemoCommand.Executable, "client", "--url", DemoLayout.Url], _client.Add);
        say.Say($"client: requesting {DemoLayout.Url} every 100 ms (timeout 300 ms) from {DemoLayout.ClientAddress}");
        WaitForAnswer("node-a", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000);
        Pause(Settle);

        say.Plain("");
        say.Say("step 1: stopping node-a's web server (killall demo-nginx on node-a)");
        Act("web server stopped", a.StopWeb, b, "chk_nginx fails, node-a's priority drops 100-5 = 95 < 98: node-b took over");
        say.Plain("");
        say.Say("step 2: starting node-a's web server again");
        Act("web server back", () => a.StartWeb(web), a, "chk_nginx passes, node-a is back to 100 > 98 and preempts: node-a took the VIP back");
        say.Plain("");
        say.Say($"step 3: killing node-a, as in a power cut (SIGKILL to {daemon.Name} and the web server, link down)");
        Act("node-a killed", a.Kill, b, "node-a's adverts stopped: node-b took over");

        say.Plain("");
        say.Plain($"client: {_client.Summary()}");
        say.Plain("failovers:");
        foreach (var line in _failovers)
        {
            say.Plain("  " + line);
        }
    }

    private void Act(string label, Action action, DemoNodeProcess expected, string explanation)
    {
        var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var watch = Stopwatch.StartNew();
        action();
        var seconds = WaitForHolder(expected, watch, explanation, failover: true);
        var answer = WaitForAnswer(expected.Node.Name, since);
        var client = (answer.SentUnixMs + answer.ElapsedMs - since) / 1000.0;
        Pause(Settle);
        _failovers.Add(string.Create(CultureInfo.InvariantCulture, $"{label,-18} -> {expected.Node.Name}: VIP after {seconds:0.00} s, client answered by it after {client:0.00} s"));
    }

    private double WaitForHolder(DemoNodeProcess expected, Stopwatch watch, string text, bool failover)
    {
        while (Holder() != expected.Node.Name)
        {
            if (watch.Elapsed > StepTimeout)
            {
                throw new DemoException($"{expected.Node.Name} did not hold the VIP alone within {StepTimeout.TotalSeconds:0} s (holder: {Holder()})");
            }

            Pause(TimeSpan.FromMilliseconds(20));
        }

        var seconds = watch.Elapsed.TotalSeconds;
        say.Say(string.Create(CultureInfo.InvariantCulture, $"{text} after {seconds:0.00} s{(failover ? "" : $" (VIP {DemoLayout.Vip})")}"));
        return seconds;
    }

    private ClientRecord WaitForAnswer(string node, long sinceUnixMs)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_client.FirstAnswerFrom(node, sinceUnixMs) is { } answer)
            {
                say.Say($"client: served by {node}");
                return answer;
            }

            if (watch.Elapsed > StepTimeout)
            {
                throw new DemoException($"the client got no answer from {node} within {StepTimeout.TotalSeconds:0} s (last: {_client.Last})");
            }

            Pause(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Which live node holds the VIP: a node's name, "both" or "nobody".</summary>
    private string Holder()
    {
        var holders = _nodes.Where(n => n.Alive && DemoLab.HoldsVip(n.Node.Namespace)).Select(n => n.Node.Name).ToArray();
        return holders.Length switch { 0 => "nobody", 1 => holders[0], _ => "both" };
    }

    private void Pause(TimeSpan time)
    {
        cancellationToken.WaitHandle.WaitOne(time);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
