using System.Buffers.Binary;

namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>Writes DNS_CHECK's query as keepalived does: one question of class IN, recursion desired. Pure.</summary>
internal static class DnsQuery
{
    /// <summary>Bytes of the header.</summary>
    public const int HeaderLength = 12;

    /// <summary>The RD flag.</summary>
    public const ushort RecursionDesired = 0x0100;

    /// <summary>Class IN.</summary>
    public const ushort ClassIn = 1;

    /// <summary>The query for <paramref name="name"/> (checked by <see cref="DnsName.Problem"/>) of <paramref name="type"/>.</summary>
    public static byte[] Write(ushort id, string name, ushort type)
    {
        var qname = DnsName.Encode(name);
        var query = new byte[HeaderLength + qname.Length + 4];
        var span = query.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, id);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], RecursionDesired);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 1);
        qname.CopyTo(span[HeaderLength..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[(HeaderLength + qname.Length)..], type);
        BinaryPrimitives.WriteUInt16BigEndian(span[(HeaderLength + qname.Length + 2)..], ClassIn);
        return query;
    }
}
