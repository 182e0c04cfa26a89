using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// Reads <c>track_virtual_server</c>, Vigil's extension: lines <c>VS [weight N [reverse]]</c> where VS is a virtual
/// server written as one word (<c>10.0.0.1:80</c>, <c>10.0.0.1:53/udp</c>, <c>[2001:db8::1]:80</c>, <c>fwmark:7</c>,
/// <c>group:web</c>). The names are stored canonically so they match the virtual-server module's quorum entries.
/// </summary>
internal static class TrackedVirtualServers
{
    /// <summary>The references, each with a canonical name; a line that names no virtual server is reported.</summary>
    public static IReadOnlyList<TrackReference> Read(ConfigBlock values, string context)
    {
        var references = new List<TrackReference>();
        foreach (var reference in TrackReferenceParser.Read(values, "track_virtual_server"))
        {
            if (VirtualServerKey.TryParse(reference.Name, TransportProtocol.Tcp, out var key, out var error))
            {
                references.Add(reference with { Name = key.ToString() });
            }
            else
            {
                values.Error("track_virtual_server", $"invalid track_virtual_server '{reference.Name}' in {context}: {error} (write it as 10.0.0.1:80, fwmark:7 or group:NAME)");
            }
        }

        return references;
    }
}
