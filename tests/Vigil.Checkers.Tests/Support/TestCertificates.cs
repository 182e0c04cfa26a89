using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Checkers.Tests.Support;

/// <summary>A test CA and server certificates it signs, made with <see cref="CertificateRequest"/>.</summary>
internal static class TestCertificates
{
    /// <summary>A self-signed CA valid around now.</summary>
    public static X509Certificate2 Authority(string name = "Vigil Test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>A server certificate for <paramref name="dnsName"/> signed by <paramref name="authority"/>, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public static X509Certificate2 Server(X509Certificate2 authority, string dnsName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var signed = request.Create(authority, notBefore, notAfter, serial);

        // SslStream on Linux wants a key it can export to OpenSSL: round-trip through PKCS#12.
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A server certificate for <paramref name="dnsName"/> valid around now.</summary>
    public static X509Certificate2 Server(X509Certificate2 authority, string dnsName) =>
        Server(authority, dnsName, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10));

    /// <summary>Writes <paramref name="certificate"/> as PEM to a temporary file and returns its path.</summary>
    public static string WritePem(X509Certificate2 certificate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
