using System.Globalization;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Notify.Templates;

/// <summary>Formats servers the way keepalived's mails and fifo lines show them.</summary>
internal static class ServerText
{
    /// <summary><c>[10.1.0.93]:80</c> (<c>[10.1.0.93]</c> without a port), <c>FWM 1</c>, or the group's name.</summary>
    public static string Format(VirtualServerKey key) => key.Kind switch
    {
        VirtualServerKind.Fwmark => $"FWM {key.Fwmark.ToString(CultureInfo.InvariantCulture)}",
        VirtualServerKind.Group => key.Group!,
        _ => key.Port == 0 ? $"[{key.Address}]" : $"[{key.Address}]:{key.Port.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary><c>[10.1.0.69]:80</c>, <c>[2001:db8::1]:80</c>.</summary>
    public static string Format(RealServerKey key) =>
        key.Port == 0 ? $"[{key.Address}]" : $"[{key.Address}]:{key.Port.ToString(CultureInfo.InvariantCulture)}";
}
