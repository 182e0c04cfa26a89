using System.Text;

namespace Vigil.Testing.Netns;

/// <summary>
/// The nftables ruleset a node namespace uses to simulate partitions: input from (and output to) addresses in the
/// peer sets is dropped, plus input from peer MACs. Pure text, so it can be read in a failing test's log.
/// </summary>
internal static class LabFirewall
{
    internal const string Table = "vigil_lab";

    /// <summary>Creates the table if needed and replaces the rules and set contents with the given peers.</summary>
    internal static string Script(IReadOnlyCollection<string> ipv4, IReadOnlyCollection<string> ipv6, IReadOnlyCollection<string> macs)
    {
        var script = new StringBuilder();
        script.AppendLine($"table inet {Table} {{");
        script.AppendLine("  set peers4 { type ipv4_addr; }");
        script.AppendLine("  set peers6 { type ipv6_addr; }");
        script.AppendLine("  set peersmac { type ether_addr; }");
        script.AppendLine("}");
        script.AppendLine($"flush table inet {Table}");
        script.AppendLine($"flush set inet {Table} peers4");
        script.AppendLine($"flush set inet {Table} peers6");
        script.AppendLine($"flush set inet {Table} peersmac");
        script.AppendLine($"table inet {Table} {{");
        script.AppendLine("  chain input { type filter hook input priority -10; policy accept;");
        script.AppendLine("    ip saddr @peers4 drop; ip6 saddr @peers6 drop; ether saddr @peersmac drop; }");
        script.AppendLine("  chain output { type filter hook output priority -10; policy accept;");
        script.AppendLine("    ip daddr @peers4 drop; ip6 daddr @peers6 drop; }");
        script.AppendLine("}");
        AddElements(script, "peers4", ipv4);
        AddElements(script, "peers6", ipv6);
        AddElements(script, "peersmac", macs);
        return script.ToString();
    }

    private static void AddElements(StringBuilder script, string set, IReadOnlyCollection<string> elements)
    {
        if (elements.Count > 0)
        {
            script.AppendLine($"add element inet {Table} {set} {{ {string.Join(", ", elements)} }}");
        }
    }
}
