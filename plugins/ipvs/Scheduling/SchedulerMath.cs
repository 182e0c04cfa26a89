using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>The arithmetic the IPVS schedulers share (ip_vs.h, the hashing modules), without allocation.</summary>
internal static class SchedulerMath
{
    /// <summary>The kernel's GOLDEN_RATIO_32, the multiplier of hash_32().</summary>
    private const uint GoldenRatio32 = 0x61C88647;

    /// <summary>ip_vs_dest_conn_overhead(): active connections weigh 256 times an inactive one.</summary>
    public static long Overhead(SchedulerBackend backend) => (backend.ActiveConnections << 8) + backend.InactiveConnections;

    /// <summary>hash_32(): the top <paramref name="bits"/> of the product with the golden ratio.</summary>
    public static uint Hash32(uint value, int bits) => unchecked(value * GoldenRatio32) >> (32 - bits);

    /// <summary>
    /// The address as the hashing schedulers fold it, in host order: an IPv4 address itself, an IPv6 address the XOR of
    /// its four 32-bit words. IPv4-mapped IPv6 addresses fold as the IPv4 address they carry.
    /// </summary>
    public static uint Fold(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        if (written == 4)
        {
            return BinaryPrimitives.ReadUInt32BigEndian(bytes);
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
        }

        return BinaryPrimitives.ReadUInt32BigEndian(bytes)
            ^ BinaryPrimitives.ReadUInt32BigEndian(bytes[4..])
            ^ BinaryPrimitives.ReadUInt32BigEndian(bytes[8..])
            ^ BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
    }

    /// <summary>The whole address as one number, IPv4 in its IPv4-mapped IPv6 form, for use as a table key.</summary>
    public static UInt128 Key(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        if (written == 4 || address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ((UInt128)0xffff << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes);
        }

        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>Greatest common divisor of two positive numbers.</summary>
    public static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>
    /// The weighted least-connection choice of wlc, lblc and lblcr: the first server of positive weight, replaced by any
    /// later one whose overhead per unit of weight is strictly smaller.
    /// </summary>
    public static SchedulerBackend? WeightedLeast(IReadOnlyList<SchedulerBackend> backends)
    {
        var count = backends.Count;
        var start = 0;
        while (start < count && backends[start].Weight <= 0)
        {
            start++;
        }

        if (start == count)
        {
            return null;
        }

        var least = backends[start];
        var loh = Overhead(least);
        for (var i = start + 1; i < count; i++)
        {
            var dest = backends[i];
            var doh = Overhead(dest);
            if (loh * dest.Weight > doh * least.Weight)
            {
                least = dest;
                loh = doh;
            }
        }

        return least;
    }

    /// <summary>
    /// lblc/lblcr's is_overloaded(): more active connections than its weight while some server runs below half of its own.
    /// </summary>
    public static bool IsOverloaded(SchedulerBackend dest, IReadOnlyList<SchedulerBackend> backends)
    {
        if (dest.ActiveConnections <= dest.Weight)
        {
            return false;
        }

        for (var i = 0; i < backends.Count; i++)
        {
            if (backends[i].ActiveConnections * 2 < backends[i].Weight)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entry of <paramref name="backends"/> for <paramref name="server"/>, or null once it left the service.</summary>
    public static SchedulerBackend? Find(IReadOnlyList<SchedulerBackend> backends, RealServerKey server)
    {
        for (var i = 0; i < backends.Count; i++)
        {
            if (backends[i].Server == server)
            {
                return backends[i];
            }
        }

        return null;
    }

    /// <summary>The index of <paramref name="server"/> in <paramref name="backends"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<SchedulerBackend> backends, RealServerKey server)
    {
        for (var i = 0; i < backends.Count; i++)
        {
            if (backends[i].Server == server)
            {
                return i;
            }
        }

        return -1;
    }
}
