using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Plugins.Ipvs.Operations;

/// <summary>
/// <c>vigil rs drain VS RS [--wait] [--timeout 5m]</c>: the real server takes no new connection while its open ones
/// finish; with <c>wait</c> it answers once none is active (a rolling release then stops the service safely).
/// </summary>
internal sealed class RealServerDrainOperation(VirtualServerController controller, OverrideStore overrides, TimeProvider time) : IOperation
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public OperationDescriptor Descriptor { get; } = new(
        "rs.drain",
        "Drain a real server: no new connections, open ones finish; with wait, return when it has no active connection",
        [
            .. RealServerTarget.Parameters,
            new("wait", OperationParameterType.Boolean, "wait until it has no active connection", Required: false),
            new("timeout", OperationParameterType.Duration, "how long to wait (default 5m)", Required: false),
            new("reason", OperationParameterType.String, "why, for status (default: rs drain)", Required: false),
        ],
        ["rs", "drain"]);

    /// <inheritdoc />
    public async Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken)
    {
        if (!RealServerTarget.TryFind(controller, arguments, out var target, out var reason))
        {
            return OperationResult.Refused(reason);
        }

        var vs = target.Service.Key;
        var rs = target.Server.Key;
        var current = overrides.Get(vs, rs);
        overrides.Put(vs, rs, new RealServerOverride(vs, rs, true, current?.Weight, arguments.String("reason") ?? "rs drain"));
        var deadline = time.GetUtcNow() + (arguments.Duration("timeout") ?? DefaultTimeout);
        while (!Applied(vs, rs))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return OperationResult.Refused($"{rs} is marked drained but the data plane has not applied it yet");
            }

            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }

        long active = await ActiveAsync(vs, rs, cancellationToken).ConfigureAwait(false);
        while (arguments.Boolean("wait") == true && active > 0)
        {
            if (time.GetUtcNow() >= deadline)
            {
                return OperationResult.Refused($"{rs} is drained but still has {active} active connections; it stays drained");
            }

            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
            active = await ActiveAsync(vs, rs, cancellationToken).ConfigureAwait(false);
        }

        return OperationResult.Ok(new JsonObject { ["vs"] = vs.ToString(), ["rs"] = rs.ToString(), ["drained"] = true, ["active"] = active });
    }

    private bool Applied(VirtualServerKey vs, RealServerKey rs) =>
        controller.Evaluations.Where(e => e.Service.Key == vs).SelectMany(e => e.Servers).Any(s => s.Server == rs && s.Drained);

    private async Task<long> ActiveAsync(VirtualServerKey vs, RealServerKey rs, CancellationToken cancellationToken)
    {
        if (controller.Plane is not { } plane)
        {
            return 0;
        }

        var counters = await plane.ReadCountersAsync(cancellationToken).ConfigureAwait(false);
        return counters.Where(c => c.Service == vs && c.Server == rs).Sum(c => c.ActiveConnections);
    }
}
