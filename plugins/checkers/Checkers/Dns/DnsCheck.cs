using System.Net.Sockets;
using System.Security.Cryptography;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>
/// One DNS_CHECK probe: a query over a connected UDP socket; the reply must come within <c>connect_timeout</c>
/// (<see cref="DnsVerdict"/>). An ICMP port unreachable ends it at once as <c>connection refused</c>.
/// </summary>
internal sealed class DnsCheck(CheckSettings settings, DnsSpec spec) : IHealthCheck
{
    private const int MaxDatagram = 4096;

    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var target = settings.Connect;
        var id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ConnectTimeout);
        var buffer = new byte[MaxDatagram];
        try
        {
            ProbeConnector.Prepare(socket, settings);
            await socket.ConnectAsync(target, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(DnsQuery.Write(id, spec.Name, spec.Type), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (DnsVerdict.Of(buffer.AsSpan(0, length), id, spec) is { } result)
                {
                    return result;
                }
            }
        }
        catch (ProbeFailedException e)
        {
            return e.Result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(CheckFailureKind.Timeout, $"no DNS reply from {target} within {ProbeConnector.Seconds(settings.ConnectTimeout)} s");
        }
        catch (SocketException e)
        {
            return SocketFailures.Result(e, $"DNS query to {target}");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
