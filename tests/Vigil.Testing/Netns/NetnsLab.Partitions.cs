using System.Text.Json;

namespace Vigil.Testing.Netns;

/// <summary>Partitions between nodes, made with nftables drop rules inside the node namespaces.</summary>
public sealed partial class NetnsLab
{
    /// <summary>Drops all IP traffic between two nodes (in both node namespaces), addresses taken as they are now.</summary>
    public Task PartitionAsync(NetnsNode a, NetnsNode b)
    {
        lock (_gate)
        {
            _partitions.Add(Key(a, b));
        }

        return ApplyFirewallAsync(a, b);
    }

    /// <summary>Lets two nodes talk again.</summary>
    public Task HealAsync(NetnsNode a, NetnsNode b)
    {
        lock (_gate)
        {
            _partitions.Remove(Key(a, b));
        }

        return ApplyFirewallAsync(a, b);
    }

    private static (string, string) Key(NetnsNode a, NetnsNode b) =>
        string.CompareOrdinal(a.Role, b.Role) < 0 ? (a.Role, b.Role) : (b.Role, a.Role);

    private async Task ApplyFirewallAsync(params NetnsNode[] nodes)
    {
        foreach (var node in nodes)
        {
            string[] peers;
            lock (_gate)
            {
                peers = _partitions.Where(p => p.A == node.Role || p.B == node.Role).Select(p => p.A == node.Role ? p.B : p.A).ToArray();
            }

            var ipv4 = new List<string>();
            var ipv6 = new List<string>();
            var macs = new List<string>();
            foreach (var peer in peers)
            {
                await CollectAddressesAsync(this[peer], ipv4, ipv6, macs);
            }

            var script = LabFirewall.Script(ipv4, ipv6, macs);
            (await CommandRunner.RunAsync(["ip", "netns", "exec", node.Namespace, "nft", "-f", "-"], stdin: script))
                .EnsureSuccess($"nft in {node.Namespace}:\n{script}");
        }
    }

    private async Task CollectAddressesAsync(NetnsNode peer, List<string> ipv4, List<string> ipv6, List<string> macs)
    {
        var json = (await RunCheckedAsync(peer.Namespace, "ip", "-j", "addr", "show")).Stdout;
        foreach (var link in JsonDocument.Parse(json).RootElement.EnumerateArray())
        {
            if (link.GetProperty("ifname").GetString() == "lo")
            {
                continue;
            }

            if (link.TryGetProperty("address", out var mac) && mac.GetString() is { Length: 17 } text)
            {
                macs.Add(text);
            }

            foreach (var address in link.GetProperty("addr_info").EnumerateArray())
            {
                var local = address.GetProperty("local").GetString()!;
                (address.GetProperty("family").GetString() == "inet" ? ipv4 : ipv6).Add(local);
            }
        }
    }
}
