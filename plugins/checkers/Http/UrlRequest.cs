using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Tls;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>One url made ready for a target: its request bytes, its name in messages and, over TLS, its handshake.</summary>
/// <param name="Url">The url block.</param>
/// <param name="Request">The GET request, sent as is.</param>
/// <param name="What">The url in messages (<c>GET https://10.0.0.1:443/health</c>).</param>
/// <param name="Tls">The TLS handshake, or null for plain HTTP.</param>
/// <param name="TlsCompliant">True to end TLS with close_notify (keepalived's <c>tls_compliant</c>).</param>
internal sealed record UrlRequest(HttpUrl Url, byte[] Request, string What, TlsHandshake? Tls, bool TlsCompliant);
