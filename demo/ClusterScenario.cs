using System.Diagnostics;
using System.Globalization;

namespace Vigil.Demo;

/// <summary>
/// The IPVS cluster story: two directors run Vigil with the same virtual server behind one vrrp_instance (the VIP
/// and the real servers' gateway VIP), in front of three web servers. The client's requests rotate over the three;
/// a stopped web server leaves the rotation within two checks and no request fails after that; with none left the
/// sorry server answers, and the rotation returns when they come back; the master director dies and the backup takes
/// both VIPs and the service.
/// </summary>
internal sealed class ClusterScenario(DemoLab lab, DemoDaemon daemon, Narrator say, CancellationToken cancellationToken) : IDemoStory
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the client is left alone after a step, so its log shows the new steady state holds.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How soon a stopped server must be out of the rotation: a check finds it down within a second (delay_loop 1),
    /// its retry a second later (keepalived's retry 1, delay_before_retry 1 s), then one nftables transaction; the
    /// rest is slack for a loaded machine.
    /// </summary>
    private static readonly TimeSpan LeaveBound = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive requests (a second of them) that show a new state holds.</summary>
    private const int Steady = 10;

    private readonly ClusterLayout _layout = new(lab.Layout.Prefix);
    private readonly ClientLog _client = new();
    private readonly List<string> _results = [];
    private DirectorProcess[] _directors = [];
    private RealServerProcess[] _servers = [];
    private GroupProcess? _clientProcess;

    /// <inheritdoc />
    public string Title =>
        $"the seed's high-availability IPVS cluster: two directors running {daemon.Name} (VRRP and an LVS-NAT virtual server on nftables) in front of three web servers";

    /// <inheritdoc />
    public IEnumerable<GroupProcess> Reported =>
        _directors.Select(d => d.Daemon).Append(_clientProcess).OfType<GroupProcess>();

    /// <inheritdoc />
    public void Run()
    {
        var (d1, d2) = (_layout.Directors[0], _layout.Directors[1]);
        var servers = _layout.RealServers;
        say.Say($"lab {_layout.Prefix}*: front network: client {ClusterLayout.ClientAddress}, {d1.Name} {d1.FrontAddress}, {d2.Name} {d2.FrontAddress}, VIP {ClusterLayout.Vip}");
        say.Say($"  back network: {d1.Name} {d1.BackAddress}, {d2.Name} {d2.BackAddress}, {string.Join(", ", servers.Select(s => $"{s.Name} {s.Address}"))}, gateway VIP {ClusterLayout.GatewayVip}");
        ClusterNetwork.Create(lab, _layout);
        _servers = [.. servers.Select(s => new RealServerProcess(lab, s))];
        _directors = [.. _layout.Directors.Select(d => new DirectorProcess(lab, d, daemon, servers))];
        foreach (var server in _servers)
        {
            server.Start();
        }

        say.Say($"web servers up on {string.Join(", ", servers.Select(s => s.Name))}, each answering \"served by <name>\"; their default route is the gateway VIP");
        foreach (var director in _directors)
        {
            director.StartSorryServer();
        }

        say.Say("sorry servers up on both directors, answering \"sorry (<director>)\" on port 80, where nftables redirects the VIP when no real server is left");
        var watch = Stopwatch.StartNew();
        foreach (var director in _directors)
        {
            director.StartDaemon();
        }

        say.Say($"started {daemon.Name} on {d1.Name} (MASTER, priority {d1.Priority}) and {d2.Name} (BACKUP, priority {d2.Priority})");
        say.Say($"configuration: {_directors[0].ConfigPath} and {Path.GetFileName(_directors[1].ConfigPath)} (virtual_server {ClusterLayout.Vip} {ClusterLayout.Port}: rr, NAT, sorry_server 127.0.0.1 {ClusterLayout.Port}, TCP_CHECK every {ClusterConfigWriter.DelayLoop} s)");
        var seconds = WaitForHolder(_directors[0], watch);
        say.Say(Invariant($"{d1.Name} holds both VIPs after {seconds:0.00} s"));

        var start = Now();
        _clientProcess = lab.Start("the client", ["ip", "netns", "exec", _layout.ClientNamespace, DemoCommand.Executable, "client", "--url", ClusterLayout.Url], _client.Add);
        say.Say($"client: requesting {ClusterLayout.Url} every 100 ms (timeout 300 ms) from {ClusterLayout.ClientAddress}, a new connection each time");

        say.Plain("");
        say.Say("step 1: the requests rotate over the three web servers (lb_algo rr)");
        var rotating = WaitForRotation(start, "the answers rotate over rs1, rs2 and rs3");
        say.Say($"client: {rotating}");
        _results.Add($"{"rotation",-22} {rotating}");
        Pause(Settle);

        say.Plain("");
        var (rs1, rs2, rs3) = (_servers[0], _servers[1], _servers[2]);
        say.Say($"step 2: stopping {rs2.Server.Name}'s web server");
        Leave([rs2], r => r.Ok && r.Detail != rs2.Server.Name, $"{rs2.Server.Name} left the rotation", $"{rs1.Server.Name} and {rs3.Server.Name} answer in turn");

        say.Plain("");
        say.Say($"step 3: stopping {rs1.Server.Name}'s and {rs3.Server.Name}'s web servers too: no real server is left");
        Leave([rs1, rs3], r => r.Ok && r.Detail.StartsWith("sorry", StringComparison.Ordinal), "the sorry server answers", $"\"{DemoWebServer.SorryBody(d1.Name)}\"");
        say.Say("starting the three web servers again");
        start = Now();
        foreach (var server in _servers)
        {
            server.Start();
        }

        var back = WaitForRotation(start, "the rotation returns");
        ExpectSince(start, r => r.Ok, "while the web servers came back");
        say.Say($"client: {back}");
        _results.Add($"{"web servers back",-22} {back}");
        Pause(Settle);

        say.Plain("");
        say.Say($"step 4: killing {d1.Name}, as in a power cut (SIGKILL to its {daemon.Name} and sorry server, links down)");
        Failover(_directors[0], _directors[1]);

        say.Plain("");
        say.Plain($"client: {_client.Summary()}");
        say.Plain("steps:");
        foreach (var line in _results)
        {
            say.Plain("  " + line);
        }
    }

    /// <summary>
    /// Stops <paramref name="stopped"/>, waits for <see cref="Steady"/> consecutive requests <paramref name="accept"/>
    /// takes (within <see cref="LeaveBound"/>), and checks every request after that is taken too.
    /// </summary>
    private void Leave(RealServerProcess[] stopped, Func<ClientRecord, bool> accept, string what, string how)
    {
        var since = Now();
        foreach (var server in stopped)
        {
            server.Stop();
        }

        var records = WaitFor(since, what, r => ClientRuns.FirstRun(r, since, Steady, accept) >= 0);
        var first = records[ClientRuns.FirstRun(records, since, Steady, accept)];
        var seconds = (first.SentUnixMs - since) / 1000.0;
        var failed = records.Count(r => r.SentUnixMs >= since && r.SentUnixMs < first.SentUnixMs && !r.Ok);
        say.Say(Invariant($"{what} after {seconds:0.00} s ({failed} requests failed meanwhile): {how}"));
        if (seconds > LeaveBound.TotalSeconds)
        {
            throw new DemoException(Invariant($"{what} only after {seconds:0.00} s, more than {LeaveBound.TotalSeconds:0} s"));
        }

        Pause(Settle);
        var held = ExpectSince(first.SentUnixMs, accept, $"after {what}");
        say.Say($"client: {held} requests since, every one answered like that");
        _results.Add(Invariant($"{what,-22} after {seconds:0.00} s, {failed} requests failed meanwhile, none of the {held} since"));
    }

    /// <summary>Kills <paramref name="dead"/>, waits for <paramref name="heir"/> to hold both VIPs and for the rotation to return through it.</summary>
    private void Failover(DirectorProcess dead, DirectorProcess heir)
    {
        var since = Now();
        var watch = Stopwatch.StartNew();
        dead.Kill();
        var seconds = WaitForHolder(heir, watch);
        say.Say(Invariant($"{dead.Director.Name}'s adverts stopped: {heir.Director.Name} holds both VIPs after {seconds:0.00} s"));
        var rotating = WaitForRotation(since, $"the answers rotate again through {heir.Director.Name}");
        var records = _client.Snapshot();
        var answered = records.First(r => r.Ok && r.SentUnixMs >= since);
        var answeredAfter = (answered.SentUnixMs + answered.ElapsedMs - since) / 1000.0;
        var failed = records.Count(r => r.SentUnixMs >= since && r.SentUnixMs < answered.SentUnixMs && !r.Ok);
        say.Say(Invariant($"client: answered again {answeredAfter:0.00} s after the kill ({failed} requests failed meanwhile); {rotating}"));
        Pause(Settle);
        var held = ExpectSince(answered.SentUnixMs, r => r.Ok, $"once {heir.Director.Name} answered");
        say.Say($"client: {held} requests since, every one answered");
        _results.Add(Invariant($"{"master director died",-22} {heir.Director.Name}: VIPs after {seconds:0.00} s, client answered after {answeredAfter:0.00} s, none of the {held} requests since failed"));
    }

    /// <summary>Checks every request sent at or after <paramref name="sinceUnixMs"/> is taken by <paramref name="accept"/>; returns how many there were.</summary>
    private int ExpectSince(long sinceUnixMs, Func<ClientRecord, bool> accept, string when)
    {
        var records = _client.Snapshot();
        var from = records.ToList().FindIndex(r => r.SentUnixMs >= sinceUnixMs);
        if (from < 0)
        {
            return 0;
        }

        if (ClientRuns.FirstRejected(records, from, accept) is { } wrong)
        {
            throw new DemoException($"a request {when} was not answered as expected: {wrong}");
        }

        return records.Count - from;
    }

    private string WaitForRotation(long sinceUnixMs, string what)
    {
        var names = _servers.Select(s => s.Server.Name).ToArray();
        var records = WaitFor(sinceUnixMs, what, r => ClientRuns.EndsInRotation(r, sinceUnixMs, names));
        var round = records.Skip(records.Count - (2 * names.Length)).Select(r => r.Detail);
        return $"{what}: {string.Join(" → ", round)}";
    }

    private IReadOnlyList<ClientRecord> WaitFor(long sinceUnixMs, string what, Func<IReadOnlyList<ClientRecord>, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var records = _client.Snapshot();
            if (condition(records))
            {
                return records;
            }

            if (watch.Elapsed > StepTimeout)
            {
                var recent = records.Where(r => r.SentUnixMs >= sinceUnixMs).TakeLast(8).Select(r => r.ToString());
                throw new DemoException($"not within {StepTimeout.TotalSeconds:0} s: {what} (last requests: {string.Join("; ", recent)})");
            }

            Pause(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Waits until <paramref name="expected"/> holds both VIPs and no other live director holds either; the seconds it took.</summary>
    private double WaitForHolder(DirectorProcess expected, Stopwatch watch)
    {
        while (true)
        {
            var holdings = _directors.Where(d => d.Alive).Select(d => (Director: d, Holds: d.Holds())).ToArray();
            if (holdings.All(h => h.Director == expected ? h.Holds == (true, true) : h.Holds == (false, false)))
            {
                return watch.Elapsed.TotalSeconds;
            }

            if (watch.Elapsed > StepTimeout)
            {
                var state = string.Join(", ", holdings.Select(h => $"{h.Director.Director.Name}: VIP {(h.Holds.Vip ? "yes" : "no")}, gateway VIP {(h.Holds.Gateway ? "yes" : "no")}"));
                throw new DemoException($"{expected.Director.Name} did not hold both VIPs alone within {StepTimeout.TotalSeconds:0} s ({state})");
            }

            Pause(TimeSpan.FromMilliseconds(20));
        }
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Pause(TimeSpan time)
    {
        cancellationToken.WaitHandle.WaitOne(time);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
