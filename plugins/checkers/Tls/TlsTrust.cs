using System.Security.Cryptography.X509Certificates;

namespace Vigil.Plugins.Checkers.Tls;

/// <summary>
/// What keepalived's global <c>SSL</c> block gives SSL_GET: the CAs a server's certificate must chain to (<c>ca</c>;
/// when set, certificates are verified, which keepalived itself never does) and a client certificate
/// (<c>certificate</c>, <c>key</c>, <c>password</c>).
/// </summary>
/// <param name="Authorities">The trusted CAs, or null for no verification.</param>
/// <param name="ClientCertificate">The certificate to present, or null.</param>
internal sealed record TlsTrust(X509Certificate2Collection? Authorities, X509Certificate2? ClientCertificate)
{
    /// <summary>keepalived's default: no verification, no client certificate.</summary>
    public static TlsTrust None { get; } = new(null, null);
}
