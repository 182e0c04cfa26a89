namespace Vigil.Linux.Tracking;

/// <summary>
/// The value keepalived reads from a tracked file (track_file.c's <c>process_track_file</c>): the first 127 bytes go
/// through <c>strtol(buf, NULL, 0)</c>, so leading white space and a sign are skipped, <c>0x</c> is hexadecimal and a
/// leading <c>0</c> octal, the number ends at its first other character, and text without a number is 0. A number
/// outside [-2^31, 2^31] is refused, and keepalived then keeps the previous value. Pure.
/// </summary>
public static class TrackFileValue
{
    /// <summary>How many bytes of the file keepalived reads.</summary>
    public const int ReadLimit = 127;

    private const long Min = int.MinValue;
    private const long Max = (long)int.MaxValue + 1;

    /// <summary>Parses <paramref name="content"/> (only its first <see cref="ReadLimit"/> bytes count); false when out of range.</summary>
    public static bool TryParse(ReadOnlySpan<byte> content, out long value)
    {
        var text = content[..Math.Min(content.Length, ReadLimit)];
        var i = 0;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
        {
            negative = text[i] == '-';
            i++;
        }

        var radix = 10;
        if (i < text.Length && text[i] == '0')
        {
            radix = 8;
            if (i + 2 < text.Length && text[i + 1] is (byte)'x' or (byte)'X' && Digit(text[i + 2], 16) >= 0)
            {
                radix = 16;
                i += 2;
            }
        }

        // Accumulated with a ceiling: beyond it the value is out of range whatever follows (strtol's ERANGE).
        ulong magnitude = 0;
        var overflow = false;
        for (; i < text.Length && Digit(text[i], radix) is var d && d >= 0; i++)
        {
            magnitude = (magnitude * (ulong)radix) + (ulong)d;
            if (magnitude > Max + 1)
            {
                overflow = true;
                magnitude = Max + 1;
            }
        }

        value = overflow ? 0 : negative ? -(long)magnitude : (long)magnitude;
        return !overflow && value is >= Min and <= Max;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static int Digit(byte b, int radix)
    {
        var d = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'z' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'Z' => b - 'A' + 10,
            _ => -1,
        };
        return d < radix ? d : -1;
    }
}
