using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Plugins.Checkers.Tls;

/// <summary>
/// The TLS client side of one SSL_GET url: SNI when asked, the client certificate of the <c>SSL</c> section, and, only
/// when that section names CAs, certificate verification through <see cref="TlsVerifier"/>, whose reason it keeps for
/// the failure. Built once per url; a check runs one handshake at a time.
/// </summary>
internal sealed class TlsHandshake
{
    private readonly SslClientAuthenticationOptions _options;
    private readonly TlsTrust _trust;
    private readonly string? _name;
    private readonly TimeProvider _time;

    /// <summary>A handshake sending <paramref name="sniName"/> (null: no SNI) and checking the certificate carries <paramref name="verifyName"/>.</summary>
    public TlsHandshake(string? sniName, string? verifyName, TlsTrust trust, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trust);
        _trust = trust;
        _name = verifyName;
        _time = time;
        _options = new SslClientAuthenticationOptions
        {
            // An empty target host sends no server name, as keepalived without enable_sni.
            TargetHost = sniName ?? "",
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = Validate,
            ClientCertificates = trust.ClientCertificate is { } client ? [client] : null,
        };
    }

    /// <summary>Why the last handshake's certificate was refused, or null.</summary>
    public string? VerificationFailure { get; private set; }

    /// <summary>The server name sent, or null.</summary>
    public string? ServerName => _options.TargetHost is { Length: > 0 } name ? name : null;

    /// <summary>Runs the handshake over <paramref name="inner"/>, which the returned stream owns.</summary>
    public async ValueTask<SslStream> AuthenticateAsync(Stream inner, CancellationToken cancellationToken)
    {
        VerificationFailure = null;
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(_options, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_trust.Authorities is not { } authorities)
        {
            return true;
        }

        VerificationFailure = TlsVerifier.Check(certificate as X509Certificate2, authorities, _name, _time.GetUtcNow());
        return VerificationFailure is null;
    }
}
