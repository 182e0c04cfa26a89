using System.Net;
using System.Net.Sockets;

namespace Vigil.Linux.Icmp;

/// <summary>
/// Sends ICMP and ICMPv6 echo requests and awaits their replies without a thread per echo: one socket per address
/// family, opened at the first echo of that family (a ping socket when allowed, else a raw one, see
/// <see cref="IcmpSocketMode"/>), one receive loop each. Safe for concurrent use.
/// </summary>
/// <remarks>The first echo of a family opens its socket synchronously, in the network namespace of the calling thread.</remarks>
public sealed class IcmpPinger(TimeProvider time, IcmpSocketMode mode = IcmpSocketMode.Auto) : IAsyncDisposable
{
    /// <summary>keepalived's echo payload: 128 bytes of "keepalived check - " repeated (layer4.c's set_buf).</summary>
    public static readonly ReadOnlyMemory<byte> KeepalivedPayload = Payload(128);

    private readonly Lock _gate = new();
    private IcmpChannel? _v4;
    private IcmpChannel? _v6;
    private int _sequence = Random.Shared.Next(ushort.MaxValue);
    private bool _disposed;

    /// <summary>Whether the channel of <paramref name="family"/> uses a raw socket (opening it if needed).</summary>
    public bool UsesRawSocket(AddressFamily family) => Channel(family).IsRaw;

    /// <summary>Sends one echo to <paramref name="target"/> and waits up to <paramref name="timeout"/> for its reply.</summary>
    public async Task<PingResult> PingAsync(IPAddress target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.IsIPv4MappedToIPv6)
        {
            target = target.MapToIPv4();
        }

        IcmpChannel channel;
        try
        {
            channel = Channel(target.AddressFamily);
        }
        catch (SocketException e)
        {
            return new PingResult(PingStatus.Failed, TimeSpan.Zero, $"cannot open an ICMP socket: {e.Message}");
        }

        var sequence = (ushort)Interlocked.Increment(ref _sequence);
        var reply = channel.Expect(target, sequence);
        var started = time.GetTimestamp();
        try
        {
            await channel.SendAsync(target, sequence, KeepalivedPayload, cancellationToken).ConfigureAwait(false);
            await reply.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return new PingResult(PingStatus.Replied, time.GetElapsedTime(started), $"echo reply from {target}");
        }
        catch (TimeoutException)
        {
            return new PingResult(PingStatus.TimedOut, TimeSpan.Zero, $"no echo reply from {target} within {timeout.TotalSeconds:0.###} s");
        }
        catch (SocketException e)
        {
            return new PingResult(PingStatus.Failed, TimeSpan.Zero, $"echo request to {target}: {e.Message}");
        }
        finally
        {
            channel.Forget(target, sequence);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        IcmpChannel?[] channels;
        lock (_gate)
        {
            _disposed = true;
            channels = [_v4, _v6];
            _v4 = _v6 = null;
        }

        foreach (var channel in channels.OfType<IcmpChannel>())
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ReadOnlyMemory<byte> Payload(int length)
    {
        var text = "keepalived check - "u8;
        var payload = new byte[length];
        for (var i = 0; i < length; i++)
        {
            payload[i] = text[i % text.Length];
        }

        return payload;
    }

    private IcmpChannel Channel(AddressFamily family)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return family == AddressFamily.InterNetworkV6
                ? _v6 ??= IcmpChannel.Open(family, mode)
                : _v4 ??= IcmpChannel.Open(AddressFamily.InterNetwork, mode);
        }
    }
}
