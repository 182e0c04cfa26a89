using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Tls;

/// <summary>
/// keepalived's top-level <c>SSL { ca FILE; certificate FILE; key FILE; password TEXT }</c>, read into a
/// <see cref="TlsTrust"/>: files that cannot be read or hold no certificate are errors naming the file.
/// </summary>
internal static class SslSection
{
    /// <summary>The section's keyword.</summary>
    public const string Name = "SSL";

    private static readonly IReadOnlySet<string> Keywords = new HashSet<string>(["ca", "certificate", "key", "password"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the section, reporting every problem; <see cref="TlsTrust.None"/> when it is absent.</summary>
    public static TlsTrust Read(ClusterConfiguration configuration, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.Section(Name);
        if (!section.Exists())
        {
            return TlsTrust.None;
        }

        report.CheckKeywords(section, Name, Keywords);
        var block = new ConfigBlock(section, Name, report);
        return new TlsTrust(Authorities(block), ClientCertificate(block));
    }

    private static X509Certificate2Collection? Authorities(ConfigBlock block)
    {
        if (block.String("ca") is not { } file)
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            block.Error("ca", $"cannot read ca '{file}' in SSL: {e.Message}");
            return null;
        }

        if (authorities.Count == 0)
        {
            block.Error("ca", $"ca '{file}' in SSL holds no PEM certificate");
            return null;
        }

        return authorities;
    }

    private static X509Certificate2? ClientCertificate(ConfigBlock block)
    {
        if (block.String("certificate") is not { } file)
        {
            if (block.Has("key"))
            {
                block.Error("key", "key in SSL needs certificate");
            }

            return null;
        }

        var key = block.String("key");
        try
        {
            return block.String("password") is { } password
                ? X509Certificate2.CreateFromEncryptedPemFile(file, password, key)
                : X509Certificate2.CreateFromPemFile(file, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            block.Error("certificate", $"cannot read certificate '{file}'{(key is null ? "" : $" with key '{key}'")} in SSL: {e.Message}");
            return null;
        }
    }
}
