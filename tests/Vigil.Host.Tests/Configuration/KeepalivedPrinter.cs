using System.Text;
using Vigil.Host.Configuration.Keepalived;

namespace Vigil.Host.Tests.Configuration;

/// <summary>Writes parsed statements back as keepalived.conf text, quoting whatever the lexer would otherwise split or read specially.</summary>
internal static class KeepalivedPrinter
{
    public static string Print(IEnumerable<ConfigNode> nodes)
    {
        var text = new StringBuilder();
        Print(nodes, 0, text);
        return text.ToString();
    }

    private static void Print(IEnumerable<ConfigNode> nodes, int depth, StringBuilder text)
    {
        foreach (var node in nodes)
        {
            text.Append('\t', depth).Append(Word(node.Keyword, first: true));
            foreach (var arg in node.Args)
            {
                text.Append(' ').Append(Word(arg, first: false));
            }

            if (node.IsBlock)
            {
                text.Append(" {\n");
                Print(node.Children!, depth + 1, text);
                text.Append('\t', depth).Append('}');
            }

            text.Append('\n');
        }
    }

    private static string Word(string word, bool first)
    {
        var plain = word.Length > 0
            && !word.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '#' or '!' or '{' or '}' or '\\' or '$')
            && !(first && (word.StartsWith('@') || word.StartsWith("include", StringComparison.Ordinal)));
        return plain ? word : "\"" + word.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
    }
}
