using Vigil.Abstractions.Checks;
using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Tls;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>Makes a block's urls ready for one target: request bytes, names, and for SSL_GET the handshakes.</summary>
internal static class UrlRequests
{
    /// <summary>
    /// The urls of <paramref name="spec"/> for <see cref="CheckSettings.Connect"/>; over TLS when <paramref name="trust"/>
    /// is given, sending SNI (<c>sni_name</c>, else the url's virtual host) when <c>enable_sni</c> is set.
    /// </summary>
    public static IReadOnlyList<UrlRequest> For(CheckSettings settings, HttpGetSpec spec, TlsTrust? trust, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spec);
        var scheme = trust is null ? "http" : "https";
        return [.. spec.Urls.Select(url =>
        {
            var host = HttpRequestText.Host(settings.Connect, url.VirtualHost);
            var sni = spec.Sni ? spec.SniName ?? url.VirtualHost : null;
            var tls = trust is null ? null : new TlsHandshake(sni, sni ?? url.VirtualHost, trust, time);
            return new UrlRequest(url, HttpRequestText.Build(url.Path, host, spec.Protocol), $"GET {scheme}://{host}{url.Path}", tls, spec.TlsCompliant || url.TlsCompliant);
        })];
    }
}
