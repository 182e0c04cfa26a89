using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Checkers.Http;
using Vigil.Plugins.Checkers.Tls;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>
/// keepalived's SSL_GET: HTTP_GET over TLS. <c>enable_sni</c> sends the server name (<c>sni_name</c>, else the url's
/// virtual host). As in keepalived the server's certificate is not verified, unless the top-level <c>SSL</c> section
/// names a <c>ca</c>: then it must chain to it, be in its validity period and carry the name asked for; a refused
/// certificate or a failed handshake is a <see cref="CheckFailureKind.TlsError"/> saying why.
/// </summary>
/// <param name="trust">The <c>SSL</c> section of the configuration being applied.</param>
/// <param name="time">The clock certificates are checked against.</param>
public sealed class SslGetChecker(TlsTrustSource trust, TimeProvider time) : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "SSL_GET";

    /// <inheritdoc />
    /// <remarks>keepalived's HTTP defaults: retry 1, delay_before_retry 3 s.</remarks>
    public CheckerSchema Schema { get; } = new([.. HttpGetSpec.HttpKeywords, .. HttpGetSpec.TlsKeywords]) { DefaultDelayBeforeRetry = TimeSpan.FromSeconds(3) };

    /// <inheritdoc />
    public void Validate(ConfigBlock block) => HttpGetSpec.Read(block, null, tls: true);

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(trust);
        var spec = HttpGetSpec.Read(new ConfigBlock(block, Name, PassedValidation.Report()), settings.Context.VirtualHost, tls: true);
        return new HttpGetCheck(settings, UrlRequests.For(settings, spec, trust.Current, time));
    }
}
