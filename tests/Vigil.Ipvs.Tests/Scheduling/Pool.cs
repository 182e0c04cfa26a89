using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Ipvs.Tests.Scheduling;

/// <summary>Backend lists and flows for scheduler tests: server i is 10.0.0.(i+1):80.</summary>
internal static class Pool
{
    public static SchedulerBackend[] Of(params int[] weights) =>
        weights.Select((w, i) => new SchedulerBackend(Server(i), w)).ToArray();

    public static RealServerKey Server(int index) => new(IPAddress.Parse($"10.0.0.{index + 1}"), 80);

    public static FlowKey From(string source, int port = 40000, string destination = "192.0.2.1") =>
        new(IPAddress.Parse(source), port, IPAddress.Parse(destination), 80);

    public static FlowKey To(string destination) => From("198.51.100.1", 40000, destination);

    /// <summary>The indexes of the servers picked by <paramref name="count"/> calls (-1 for none).</summary>
    public static int[] Sequence(IScheduler scheduler, SchedulerBackend[] backends, int count)
    {
        var flow = From("198.51.100.1");
        return Enumerable.Range(0, count).Select(_ => Array.IndexOf(backends, scheduler.Pick(backends, flow))).ToArray();
    }

    /// <summary>The same servers with new weights, as the data plane hands over a changed list.</summary>
    public static SchedulerBackend[] Reweighted(SchedulerBackend[] backends, params int[] weights) =>
        backends.Select((b, i) => new SchedulerBackend(b.Server, weights[i])).ToArray();
}
