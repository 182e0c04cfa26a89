using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// Reads <c>track_virtual_server</c>, Vigil's extension: lines <c>VS [PROTOCOL] [weight N [reverse]]</c> where VS is
/// written as in a <c>virtual_server</c> line (<c>10.0.0.1 80</c>, <c>10.0.0.1 53 UDP</c>, <c>fwmark 7</c>,
/// <c>group web</c>). The names are stored canonically (<c>10.0.0.1:80/tcp</c>) so they match the virtual-server
/// module's quorum entries.
/// </summary>
internal static class TrackedVirtualServers
{
    /// <summary>The references; a line that names no virtual server or has a bad weight is reported.</summary>
    public static IReadOnlyList<TrackReference> Read(ConfigBlock values, string context)
    {
        var references = new List<TrackReference>();
        foreach (var line in ConfigSections.Lines(values.Section.GetSection("track_virtual_server")))
        {
            if (TryParse(line, out var reference, out var error))
            {
                references.Add(reference);
            }
            else
            {
                values.Error("track_virtual_server", $"invalid track_virtual_server '{line}' in {context}: {error}");
            }
        }

        return references;
    }

    private static bool TryParse(string line, out TrackReference reference, out string error)
    {
        reference = new TrackReference("");
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var at = words.IndexOf("weight");
        var service = at < 0 ? words : words[..at];
        var tail = at < 0 ? [] : words[at..];
        var protocol = TransportProtocol.Tcp;
        if (service.Count > 1 && TransportProtocols.TryParse(service[^1], out var named))
        {
            protocol = named;
            service = service[..^1];
        }

        if (!VirtualServerKey.TryParse(string.Join(' ', service), protocol, out var key, out error))
        {
            error += " (write it as in a virtual_server line: 10.0.0.1 80, 10.0.0.1 53 UDP, fwmark 7, group NAME)";
            return false;
        }

        if (!TrackReferenceParser.TryParseWeight(tail, 0, out var weight, out var reverse) || weight is < -TrackReferenceParser.MaxWeight or > TrackReferenceParser.MaxWeight)
        {
            error = $"expected 'weight N [reverse]' with N between -{TrackReferenceParser.MaxWeight} and {TrackReferenceParser.MaxWeight} after the virtual server";
            return false;
        }

        reference = new TrackReference(key.ToString(), weight, reverse);
        error = "";
        return true;
    }
}
