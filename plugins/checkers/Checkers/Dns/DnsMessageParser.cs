using System.Buffers.Binary;
using System.Text;

namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>
/// Parses DNS messages from the network: header, questions and answers, names with compression pointers. Every
/// pointer must point before the name part that holds it, so a loop of pointers is an error, not a hang; every read is
/// bounds-checked, so a hostile datagram is an error, never an exception. Pure.
/// </summary>
internal static class DnsMessageParser
{
    /// <summary>Bytes of the header.</summary>
    public const int HeaderLength = 12;

    /// <summary>The id and flags of <paramref name="data"/>; false when it is shorter than a header.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, out ushort id, out ushort flags)
    {
        id = flags = 0;
        if (data.Length < HeaderLength)
        {
            return false;
        }

        id = BinaryPrimitives.ReadUInt16BigEndian(data);
        flags = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        return true;
    }

    /// <summary>Parses <paramref name="data"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out DnsMessage? message, out string? error)
    {
        message = null;
        if (!TryReadHeader(data, out var id, out var flags))
        {
            error = $"{data.Length} bytes, shorter than a header";
            return false;
        }

        var questionCount = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        var answerCount = BinaryPrimitives.ReadUInt16BigEndian(data[6..]);
        var offset = HeaderLength;
        var questions = new List<DnsRecord>();
        for (var i = 0; i < questionCount; i++)
        {
            if (!TryReadName(data, ref offset, out var name, out error))
            {
                error = $"question {i + 1}: {error}";
                return false;
            }

            if (offset + 4 > data.Length)
            {
                error = $"question {i + 1} is cut short";
                return false;
            }

            questions.Add(new DnsRecord(name, BinaryPrimitives.ReadUInt16BigEndian(data[offset..]), BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..])));
            offset += 4;
        }

        var answers = new List<DnsRecord>();
        for (var i = 0; i < answerCount; i++)
        {
            if (!TryReadName(data, ref offset, out var name, out error))
            {
                error = $"answer {i + 1}: {error}";
                return false;
            }

            if (offset + 10 > data.Length)
            {
                error = $"answer {i + 1} is cut short";
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 8)..]);
            if (offset + 10 + length > data.Length)
            {
                error = $"answer {i + 1}'s data of {length} bytes runs past the message";
                return false;
            }

            answers.Add(new DnsRecord(
                name,
                BinaryPrimitives.ReadUInt16BigEndian(data[offset..]),
                BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]),
                BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 4)..]),
                length));
            offset += 10 + length;
        }

        message = new DnsMessage(id, flags, questions, answers);
        error = null;
        return true;
    }

    /// <summary>Reads the name at <paramref name="offset"/>, leaving it just past the name's bytes in place.</summary>
    private static bool TryReadName(ReadOnlySpan<byte> data, ref int offset, out string name, out string? error)
    {
        var text = new StringBuilder();
        var at = offset;
        var partStart = at;
        var end = -1;
        var wireLength = 1;
        while (true)
        {
            if (at >= data.Length)
            {
                return Fail("a name runs past the message", out name, out error);
            }

            var length = data[at];
            if ((length & 0xc0) == 0xc0)
            {
                if (at + 1 >= data.Length)
                {
                    return Fail("a compression pointer is cut short", out name, out error);
                }

                var target = ((length & 0x3f) << 8) | data[at + 1];
                if (target >= partStart)
                {
                    return Fail($"a compression pointer at {at} points forward or at itself ({target})", out name, out error);
                }

                if (end < 0)
                {
                    end = at + 2;
                }

                at = partStart = target;
                continue;
            }

            if ((length & 0xc0) != 0)
            {
                return Fail($"label type 0x{length & 0xc0:x2} at {at} is not supported", out name, out error);
            }

            if (length == 0)
            {
                offset = end < 0 ? at + 1 : end;
                name = text.ToString();
                error = null;
                return true;
            }

            wireLength += length + 1;
            if (wireLength > DnsName.MaxWireLength)
            {
                return Fail($"a name is longer than {DnsName.MaxWireLength} bytes", out name, out error);
            }

            if (at + 1 + length > data.Length)
            {
                return Fail("a label runs past the message", out name, out error);
            }

            if (text.Length > 0)
            {
                text.Append('.');
            }

            foreach (var b in data.Slice(at + 1, length))
            {
                text.Append(b is > 32 and < 127 and not (byte)'.' and not (byte)'\\' ? (char)b : $"\\{b:D3}");
            }

            at += 1 + length;
        }
    }

    private static bool Fail(string message, out string name, out string? error)
    {
        name = "";
        error = message;
        return false;
    }
}
