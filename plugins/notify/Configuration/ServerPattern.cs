using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>
/// A rule's <c>virtual_server</c>/<c>real_server</c> pattern in the canonical key form events carry
/// (<c>10.1.0.93:80/tcp</c>, <c>10.1.0.69:80</c>). A server written as keepalived names it (<c>10.1.0.93 80</c>) becomes its
/// key; a glob written the same way (<c>10.1.0.93 *</c>, <c>10.1.0.* 80</c>) becomes the same glob over keys.
/// </summary>
internal static class ServerPattern
{
    public static string VirtualServer(string pattern)
    {
        if (!IsGlob(pattern) && VirtualServerKey.TryParse(pattern, TransportProtocol.Tcp, out var key, out _))
        {
            return key.ToString();
        }

        var glob = Join(pattern);
        return glob.Contains('/', StringComparison.Ordinal) || glob.EndsWith('*') || glob.StartsWith("fwmark:", StringComparison.Ordinal) ? glob : glob + "/*";
    }

    /// <summary>A real server without a port matches it on any port.</summary>
    public static string RealServer(string pattern)
    {
        if (IsGlob(pattern) || !RealServerKey.TryParse(pattern, 0, out var key, out _))
        {
            return Join(pattern);
        }

        var text = key.ToString();
        return key.Port == 0 ? text[..^1] + "*" : text;
    }

    private static bool IsGlob(string pattern) => pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal);

    /// <summary><c>ADDR PORT</c> → <c>ADDR:PORT</c> (IPv6 in brackets), <c>fwmark N</c> → <c>fwmark:N</c>, <c>group G</c> → <c>group:G</c>.</summary>
    private static string Join(string pattern)
    {
        var words = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            [var kind, var value] when kind is "fwmark" or "group" => $"{kind}:{value}",
            [var address, var port] => address.Contains(':', StringComparison.Ordinal) && !address.StartsWith('[') ? $"[{address}]:{port}" : $"{address}:{port}",
            _ => pattern.Trim(),
        };
    }
}
