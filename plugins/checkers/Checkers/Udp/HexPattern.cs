namespace Vigil.Plugins.Checkers.Checkers.Udp;

/// <summary>
/// keepalived's hex strings (parser.c's <c>read_hex_str</c>): pairs of hex digits, spaces and tabs between octets
/// ignored, a lone digit before a space or the end one octet; in an expected reply <c>x</c> or <c>X</c> is a nibble that
/// matches anything. Pure.
/// </summary>
/// <param name="Data">The octets.</param>
/// <param name="Mask">Per octet, the bits that match anything; null when nothing is a wildcard.</param>
internal sealed record HexPattern(byte[] Data, byte[]? Mask)
{
    /// <summary>Parses <paramref name="text"/>; null when it is empty or not hex.</summary>
    public static HexPattern? Parse(string text, bool wildcards)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = new List<byte>();
        var mask = new List<byte>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            if (!TryNibble(text[i++], wildcards, out var high, out var highMask))
            {
                return null;
            }

            byte value = high;
            byte valueMask = highMask;
            if (i < text.Length && text[i] != ' ')
            {
                if (!TryNibble(text[i++], wildcards, out var low, out var lowMask))
                {
                    return null;
                }

                value = (byte)((high << 4) | low);
                valueMask = (byte)((highMask << 4) | lowMask);
            }

            data.Add(value);
            mask.Add(valueMask);
        }

        return data.Count == 0 ? null : new HexPattern([.. data], mask.Any(m => m != 0) ? [.. mask] : null);
    }

    /// <summary>
    /// True when <paramref name="reply"/> matches (check_udp.c's <c>check_udp_reply</c>): only the shorter of the reply and
    /// the pattern is compared, wildcard nibbles aside.
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> reply)
    {
        var length = Math.Min(reply.Length, Data.Length);
        for (var i = 0; i < length; i++)
        {
            var care = Mask is null ? (byte)0xff : (byte)~Mask[i];
            if (((reply[i] ^ Data[i]) & care) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryNibble(char c, bool wildcards, out byte value, out byte mask)
    {
        mask = 0;
        value = c switch
        {
            >= '0' and <= '9' => (byte)(c - '0'),
            >= 'a' and <= 'f' => (byte)(c - 'a' + 10),
            >= 'A' and <= 'F' => (byte)(c - 'A' + 10),
            _ => 0xff,
        };
        if (value != 0xff)
        {
            return true;
        }

        if (wildcards && c is 'x' or 'X')
        {
            value = 0;
            mask = 0x0f;
            return true;
        }

        return false;
    }
}
