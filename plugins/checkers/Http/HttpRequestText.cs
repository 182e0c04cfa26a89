using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// keepalived's GET request, byte for byte: request line, <c>User-Agent: KeepAliveClient</c>, <c>Connection: close</c>
/// when the protocol asks, then <c>Host</c> (the virtual host, else the address and port). Built once per url. Pure.
/// </summary>
internal static class HttpRequestText
{
    /// <summary>The request for <paramref name="path"/> with <paramref name="host"/> as its Host header.</summary>
    public static byte[] Build(string path, string host, HttpProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var close = protocol.Close ? "Connection: close\r\n" : "";
        return Encoding.UTF8.GetBytes(
            $"GET {path} HTTP/1.{protocol.Minor.ToString(CultureInfo.InvariantCulture)}\r\nUser-Agent: KeepAliveClient\r\n{close}Host: {host}\r\n\r\n");
    }

    /// <summary>The Host header: <paramref name="virtualHost"/>, else <c>address:port</c> (<c>[v6]:port</c>).</summary>
    public static string Host(IPEndPoint target, string? virtualHost)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (virtualHost is not null)
        {
            return virtualHost;
        }

        var port = target.Port.ToString(CultureInfo.InvariantCulture);
        return target.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{target.Address}]:{port}" : $"{target.Address}:{port}";
    }

    /// <summary>True when <paramref name="text"/> can go into a request line or header unchanged: no whitespace or control characters.</summary>
    public static bool IsToken(string text) => text.Length > 0 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
