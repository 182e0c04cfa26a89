using System.Net.Sockets;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers.Udp;

/// <summary>
/// One UDP_CHECK probe as check_udp.c runs it: the payload goes out on a connected UDP socket that reports ICMP errors
/// (IP_RECVERR); an ICMP error (port or host unreachable) fails. Without <c>require_reply</c> silence until
/// connect_timeout passes; with it, the reply must come and, when a pattern is written, have a length within
/// min/max_reply_length and match.
/// </summary>
internal sealed class UdpCheck(CheckSettings settings, UdpSpec spec) : IHealthCheck
{
    private const int SolIp = 0;
    private const int IpRecvErr = 11;
    private const int SolIpv6 = 41;
    private const int Ipv6RecvErr = 25;

    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var target = settings.Connect;
        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ConnectTimeout);
        // One byte more than the longest accepted reply, so a longer one shows as too long.
        var buffer = new byte[spec.MaxLength + 1];
        try
        {
            ProbeConnector.Prepare(socket, settings);
            var ipv6 = target.AddressFamily == AddressFamily.InterNetworkV6;
            socket.SetRawSocketOption(ipv6 ? SolIpv6 : SolIp, ipv6 ? Ipv6RecvErr : IpRecvErr, BitConverter.GetBytes(1));
            await socket.ConnectAsync(target, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(spec.Payload, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var length = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            return Judge(buffer.AsSpan(0, length));
        }
        catch (ProbeFailedException e)
        {
            return e.Result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var waited = ProbeConnector.Seconds(settings.ConnectTimeout);
            return spec.RequireReply
                ? CheckResult.Fail(CheckFailureKind.Timeout, $"no UDP reply from {target} within {waited} s")
                : CheckResult.Pass($"no ICMP error from {target} within {waited} s");
        }
        catch (SocketException e)
        {
            return SocketFailures.Result(e, $"UDP to {target}");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CheckResult Judge(ReadOnlySpan<byte> reply)
    {
        if (spec.Reply is not { } pattern)
        {
            return CheckResult.Pass($"UDP reply of {reply.Length} bytes from {settings.Connect}");
        }

        if (reply.Length < spec.MinLength || reply.Length > spec.MaxLength)
        {
            return CheckResult.Fail(CheckFailureKind.BadResponse, $"UDP reply of {(reply.Length > spec.MaxLength ? $"more than {spec.MaxLength}" : reply.Length)} bytes from {settings.Connect}, outside {spec.MinLength}-{spec.MaxLength}");
        }

        return pattern.Matches(reply)
            ? CheckResult.Pass($"UDP reply from {settings.Connect} matches")
            : CheckResult.Fail(CheckFailureKind.BadResponse, $"UDP reply from {settings.Connect} does not match: {Convert.ToHexStringLower(reply[..Math.Min(reply.Length, 32)])}");
    }
}
