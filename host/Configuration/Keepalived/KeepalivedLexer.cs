using System.Globalization;
using System.Text;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>
/// Splits one line of keepalived.conf into words and braces the way keepalived does: <c>#</c> and <c>!</c>
/// start a comment anywhere outside quotes, <c>"</c> and <c>'</c> quote parts of a word (whitespace kept,
/// shell-like escapes decoded), and quoted pieces next to unquoted ones join into one word.
/// </summary>
internal static class KeepalivedLexer
{
    /// <summary>Tokenises <paramref name="line"/>; braces are separate tokens unless <paramref name="splitBraces"/> is false.</summary>
    public static LexedLine Lex(string line, bool splitBraces = true)
    {
        var tokens = new List<(KeepalivedTokenKind, string)>();
        var unterminated = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsComment(c))
            {
                break;
            }
            else if (splitBraces && c is '{' or '}')
            {
                tokens.Add((c == '{' ? KeepalivedTokenKind.Open : KeepalivedTokenKind.Close, c.ToString()));
                i++;
            }
            else
            {
                var word = new StringBuilder();
                unterminated |= ReadWord(line, ref i, splitBraces, word);
                tokens.Add((KeepalivedTokenKind.Word, word.ToString()));
            }
        }

        return new LexedLine(tokens, unterminated);
    }

    /// <summary>The line without its comment (quotes respected), for text read raw such as definitions.</summary>
    public static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (IsComment(c))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static bool IsComment(char c) => c is '#' or '!';

    /// <summary>Reads one word starting at <paramref name="i"/>; true when a quote was still open at the end of the line.</summary>
    private static bool ReadWord(string line, ref int i, bool splitBraces, StringBuilder word)
    {
        var quote = '\0';
        while (i < line.Length)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                    i++;
                }
                else if (c == '\\' && i + 1 < line.Length)
                {
                    i++;
                    word.Append(Unescape(line, ref i));
                }
                else
                {
                    word.Append(c);
                    i++;
                }
            }
            else if (char.IsWhiteSpace(c) || IsComment(c) || (splitBraces && c is '{' or '}'))
            {
                break;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                i++;
            }
            else
            {
                word.Append(c);
                i++;
            }
        }

        return quote != '\0';
    }

    /// <summary>Decodes the escape whose character is at <paramref name="i"/> (just after the backslash).</summary>
    private static string Unescape(string line, ref int i)
    {
        var c = line[i++];
        switch (c)
        {
            case 'a': return "\a";
            case 'b': return "\b";
            case 'E': return "\u001b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\v";
            case 'c' when i < line.Length:
                return ((char)(line[i++] & 0x1f)).ToString();
            case 'x' when i < line.Length && char.IsAsciiHexDigit(line[i]):
                return ((char)ReadNumber(line, ref i, 2, 16)).ToString();
            case >= '0' and <= '7':
                i--;
                return ((char)(ReadNumber(line, ref i, 3, 8) & 0xff)).ToString();
            default:
                return c.ToString();
        }
    }

    private static int ReadNumber(string line, ref int i, int maxDigits, int radix)
    {
        var start = i;
        while (i < line.Length && i - start < maxDigits && IsDigit(line[i], radix))
        {
            i++;
        }

        var digits = line[start..i];
        return radix == 16
            ? int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : Convert.ToInt32(digits, 8);
    }

    private static bool IsDigit(char c, int radix) => radix == 16 ? char.IsAsciiHexDigit(c) : c is >= '0' and <= '7';
}
