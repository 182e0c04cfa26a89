using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Plugins.Checkers.Tls;

/// <summary>
/// Verifies a server certificate against the configured CAs: it must chain to one of them, be valid now, and, when the
/// probe knows the name it asked for (the SNI name or the url's virtual host), carry that name. Says why it fails.
/// </summary>
internal static class TlsVerifier
{
    /// <summary>Null when <paramref name="certificate"/> passes, else the reason (<c>certificate expired on …</c>).</summary>
    public static string? Check(X509Certificate2? certificate, X509Certificate2Collection authorities, string? name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        if (certificate is null)
        {
            return "the server sent no certificate";
        }

        if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
        {
            return $"certificate {certificate.Subject} expired on {Time(certificate.NotAfter)}";
        }

        if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            return $"certificate {certificate.Subject} is not valid before {Time(certificate.NotBefore)}";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(certificate))
        {
            var problems = chain.ChainStatus.Select(s => s.Status).Distinct().ToList();
            if (problems.Contains(X509ChainStatusFlags.NotTimeValid))
            {
                return $"a certificate in the chain of {certificate.Subject} has expired or is not yet valid";
            }

            return $"certificate {certificate.Subject} is not issued by the configured CA ({string.Join(", ", problems)})";
        }

        if (name is not null && !certificate.MatchesHostname(name))
        {
            return $"certificate name mismatch: {certificate.Subject} is not valid for '{name}'";
        }

        return null;
    }

    private static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
