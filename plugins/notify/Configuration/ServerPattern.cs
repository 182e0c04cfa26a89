using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>
/// A rule's <c>virtual_server</c>/<c>real_server</c> pattern in the canonical key form events carry, so a rule written
/// as keepalived names the server (<c>10.1.0.93 80</c>) matches; a glob (<c>10.1.0.*</c>) is matched against keys as written.
/// </summary>
internal static class ServerPattern
{
    public static string VirtualServer(string pattern) =>
        !IsGlob(pattern) && VirtualServerKey.TryParse(pattern, TransportProtocol.Tcp, out var key, out _) ? key.ToString() : pattern;

    /// <summary>A real server without a port matches it on any port.</summary>
    public static string RealServer(string pattern)
    {
        if (IsGlob(pattern) || !RealServerKey.TryParse(pattern, 0, out var key, out _))
        {
            return pattern;
        }

        var text = key.ToString();
        return key.Port == 0 ? text[..^1] + "*" : text;
    }

    private static bool IsGlob(string pattern) => pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal);
}
