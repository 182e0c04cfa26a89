using Vigil.Linux.Sockets;

namespace Vigil.Linux.Netlink.Conntrack;

/// <summary>Counts tracked connections by mark through ctnetlink, in the namespace of the thread that created it.</summary>
public sealed class ConntrackCounter : IDisposable
{
    private readonly NetlinkSocket _socket = NetlinkSocket.Open(LinuxConstants.NETLINK_NETFILTER);
    private readonly Lock _gate = new();

    /// <summary>Per mark, the connections whose mark satisfies <c>mark &amp; mask == value</c>.</summary>
    public IReadOnlyDictionary<uint, ConnectionCount> CountByMark(uint value, uint mask)
    {
        lock (_gate)
        {
            var sequence = _socket.NextSequence();
            var counts = new Dictionary<uint, ConnectionCount>();
            foreach (var message in _socket.Query(ConntrackMessages.DumpByMark(sequence, value, mask), sequence, "conntrack dump", Errno.ENOENT))
            {
                if (ConntrackMessages.Decode(message) is not { } entry)
                {
                    continue;
                }

                var count = counts.GetValueOrDefault(entry.Mark);
                counts[entry.Mark] = entry.Established ? count with { Established = count.Established + 1 } : count with { Other = count.Other + 1 };
            }

            return counts;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
