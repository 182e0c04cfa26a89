using System.Security.Cryptography.X509Certificates;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Tls;

namespace Vigil.Checkers.Tests.Checkers;

/// <summary>SSL_GET against loopback TLS servers with certificates the test makes: no verification unless SSL names a CA.</summary>
public sealed class SslGetCheckerTests
{
    private const string HelloMd5 = "5d41402abc4b2a76b9719d911017c592";
    private static readonly X509Certificate2 Ca = TestCertificates.Authority();

    private static async Task<CheckResult> ProbeAsync(int port, X509Certificate2? trusted, params (string, string)[] block)
    {
        var trust = new TlsTrustSource();
        string? file = null;
        if (trusted is not null)
        {
            file = TestCertificates.WritePem(trusted);
            trust.Apply(TreeConfig.Build(("SSL:ca", file)));
        }

        try
        {
            await using var check = Probes.Create(new SslGetChecker(trust, TimeProvider.System), port, [("connect_timeout", "2"), ("url:path", "/"), .. block]);
            return await check.ProbeAsync(CancellationToken.None);
        }
        finally
        {
            if (file is not null)
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task WithoutACa_AnyCertificatePasses_AsInKeepalived()
    {
        await using var server = new TlsServer(TestCertificates.Server(Ca, "other.test", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1)));
        var result = await ProbeAsync(server.Port, null, ("url:digest", HelloMd5));
        Assert.True(result.Healthy, result.Detail);
        Assert.Equal($"GET https://127.0.0.1:{server.Port}/ answered 200", result.Detail);
        Assert.Equal([null], server.ServerNames);
    }

    [Fact]
    public async Task EnableSni_SendsSniNameElseTheVirtualHost()
    {
        await using var server = new TlsServer(TestCertificates.Server(Ca, "good.test"));
        Assert.True((await ProbeAsync(server.Port, Ca, ("enable_sni", ""), ("sni_name", "good.test"), ("virtualhost", "vhost.test"))).Healthy);
        await ProbeAsync(server.Port, null, ("enable_sni", ""), ("virtualhost", "vhost.test"));
        await ProbeAsync(server.Port, null, ("virtualhost", "vhost.test"));
        Assert.Equal(["good.test", "vhost.test", null], server.ServerNames);
    }

    [Fact]
    public async Task WithACa_AnExpiredCertificate_IsATlsErrorSayingSo()
    {
        await using var server = new TlsServer(TestCertificates.Server(Ca, "good.test", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1)));
        var result = await ProbeAsync(server.Port, Ca, ("enable_sni", ""), ("sni_name", "good.test"));
        Assert.Equal(CheckFailureKind.TlsError, result.Failure);
        Assert.Equal("TLS error", result.Reason);
        Assert.Matches(@"^TLS with 127\.0\.0\.1:\d+: certificate CN=good\.test expired on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", result.Detail);
    }

    [Fact]
    public async Task WithACa_ANameMismatch_IsATlsErrorSayingSo()
    {
        await using var server = new TlsServer(TestCertificates.Server(Ca, "other.test"));
        var result = await ProbeAsync(server.Port, Ca, ("virtualhost", "good.test"));
        Assert.Equal(CheckFailureKind.TlsError, result.Failure);
        Assert.EndsWith("certificate name mismatch: CN=other.test is not valid for 'good.test'", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACa_ACertificateOfAnotherCa_IsATlsError()
    {
        await using var server = new TlsServer(TestCertificates.Server(TestCertificates.Authority("Someone Else"), "good.test"));
        var result = await ProbeAsync(server.Port, Ca, ("virtualhost", "good.test"));
        Assert.Equal(CheckFailureKind.TlsError, result.Failure);
        Assert.Contains("certificate CN=good.test is not issued by the configured CA", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainHttpServer_IsAHandshakeFailure()
    {
        await using var server = new ScriptedServer(async (socket, stop) =>
            await socket.SendAsync("HTTP/1.0 400 Bad Request\r\n\r\nthis is not TLS"u8.ToArray(), stop));
        var result = await ProbeAsync(server.Port, null);
        Assert.Equal(CheckFailureKind.TlsError, result.Failure);
        Assert.Contains(": handshake failed: ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerSilentInTheHandshake_TimesOut()
    {
        await using var server = new ScriptedServer((_, stop) => Task.Delay(Timeout.Infinite, stop));
        var result = await ProbeAsync(server.Port, null);
        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.Equal($"TLS handshake with 127.0.0.1:{server.Port} timed out after 2 s", result.Detail);
    }

    [Theory]
    [InlineData("enable_sni", "", null)]
    [InlineData("sni_name", "a b", "invalid sni_name 'a b' in SSL_GET of real_server 127.0.0.1 9 (expected a host name without spaces)")]
    [InlineData("url:tls_compliant", "", null)]
    public void ValidatesItsKeywords(string key, string value, string? error)
    {
        var (settings, _, issues) = Probes.Read(new SslGetChecker(new TlsTrustSource(), TimeProvider.System), 9, [("url:path", "/"), (key, value)]);
        if (error is null)
        {
            Assert.Empty(issues);
            Assert.Equal(TimeSpan.FromSeconds(3), settings!.Schedule.DelayBeforeRetry);
        }
        else
        {
            Assert.Equal(error, Assert.Single(issues).Message);
        }
    }

    [Fact]
    public void SslSection_ReportsFilesThatCannotBeRead()
    {
        var configuration = TreeConfig.Build(("SSL:ca", "/nonexistent/ca.pem"), ("SSL:key", "/k.pem"), ("SSL:verify", "yes"));
        var report = new ValidationReport(configuration.Locator);
        new SslSectionValidator().Validate(configuration, report);
        Assert.Equal(
            ["unknown keyword 'verify' in SSL", "cannot read ca '/nonexistent/ca.pem' in SSL: Could not find a part of the path '/nonexistent/ca.pem'.", "key in SSL needs certificate"],
            report.Issues.Select(i => i.Message));
    }
}
