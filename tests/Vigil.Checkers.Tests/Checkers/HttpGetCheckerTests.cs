using System.Diagnostics;
using Vigil.Abstractions.Checks;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Checkers.Tests.Checkers;

public sealed class HttpGetCheckerTests
{
    private const string HelloMd5 = "5d41402abc4b2a76b9719d911017c592";

    private static async Task<CheckResult> ProbeAsync(int port, (string, string)[] block, string? virtualHost = null)
    {
        var timeout = block.Any(b => b.Item1 == "connect_timeout") ? [] : new[] { ("connect_timeout", "1") };
        await using var check = Probes.Create(new HttpGetChecker(), port, [.. timeout, .. block], virtualHost);
        return await check.ProbeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PassesOnA2xxForThePath()
    {
        await using var server = new LocalHttpServer();
        server.Status = 204;
        var result = await ProbeAsync(server.Port, [("url:path", "/health?deep=1")]);
        Assert.True(result.Healthy, result.Detail);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/health?deep=1", request.Path);
        Assert.Equal($"127.0.0.1:{server.Port}", request.Host);
    }

    [Fact]
    public async Task StatusOutsideTheDefaultFailsWithItsCode()
    {
        await using var server = new LocalHttpServer();
        server.Status = 503;
        var result = await ProbeAsync(server.Port, [("url:path", "/")]);
        Assert.Equal(CheckFailureKind.BadStatus, result.Failure);
        Assert.Equal(503, result.Code);
        Assert.Equal("bad status 503", result.Reason);
    }

    [Fact]
    public async Task StatusCodeListsAndRangesAreAccepted()
    {
        await using var server = new LocalHttpServer();
        server.Status = 503;
        Assert.True((await ProbeAsync(server.Port, [("url:path", "/"), ("url:status_code", "200 500-599")])).Healthy);
        server.Status = 200;
        Assert.Equal(CheckFailureKind.BadStatus, (await ProbeAsync(server.Port, [("url:path", "/"), ("url:status_code", "301")])).Failure);
    }

    [Fact]
    public async Task DigestIsTheBodysMd5()
    {
        await using var server = new LocalHttpServer();
        Assert.True((await ProbeAsync(server.Port, [("url:path", "/"), ("url:digest", HelloMd5.ToUpperInvariant())])).Healthy);
        server.Body = "hullo"u8.ToArray();
        var result = await ProbeAsync(server.Port, [("url:path", "/"), ("url:digest", HelloMd5)]);
        Assert.Equal(CheckFailureKind.DigestMismatch, result.Failure);
    }

    [Fact]
    public async Task BodyBeyondTheCapFailsADigest()
    {
        await using var server = new LocalHttpServer();
        server.Body = new byte[HttpExchange.MaxBodyBytes + 1];
        var result = await ProbeAsync(server.Port, [("url:path", "/"), ("url:digest", HelloMd5), ("connect_timeout", "5")]);
        Assert.Equal(CheckFailureKind.BadResponse, result.Failure);
        Assert.Contains("body longer than", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VirtualhostIsSentAsHostUrlFirstThenCheckerThenServer()
    {
        await using var server = new LocalHttpServer();
        await ProbeAsync(server.Port, [("url:0:path", "/a"), ("url:0:virtualhost", "a.example"), ("url:1:path", "/b"), ("virtualhost", "checker.example")], virtualHost: "rs.example");
        await ProbeAsync(server.Port, [("url:path", "/c")], virtualHost: "rs.example");
        Assert.Equal(["a.example", "checker.example", "rs.example"], server.Requests.Select(r => r.Host));
    }

    [Fact]
    public async Task EveryUrlMustPassInTurn()
    {
        await using var server = new LocalHttpServer();
        server.StatusByPath["/b"] = 500;
        var result = await ProbeAsync(server.Port, [("url:0:path", "/a"), ("url:1:path", "/b"), ("url:2:path", "/c")]);
        Assert.Equal(500, result.Code);
        Assert.Equal(["/a", "/b"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task ServerThatNeverAnswersTimesOutWithinConnectTimeout()
    {
        await using var server = new LocalHttpServer();
        server.Silent = true;
        var watch = Stopwatch.StartNew();
        var result = await ProbeAsync(server.Port, [("url:path", "/"), ("connect_timeout", "0.5")]);
        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ConnectThatNeverOpensTimesOut()
    {
        using var silent = new FullBacklog();
        var result = await ProbeAsync(silent.Port, [("url:path", "/"), ("connect_timeout", "0.5")]);
        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.Equal("timeout", result.Reason);
    }

    [Fact]
    public async Task RefusedPortFailsAsRefused()
    {
        var result = await ProbeAsync(Probes.ClosedPort(), [("url:path", "/"), ("connect_timeout", "5")]);
        Assert.Equal(CheckFailureKind.Refused, result.Failure);
    }

    [Fact]
    public async Task Http11IsSpokenWhenAsked()
    {
        await using var server = new LocalHttpServer();
        Assert.True((await ProbeAsync(server.Port, [("url:path", "/"), ("http_protocol", "1.1")])).Healthy);
    }

    [Theory]
    [InlineData("url:path", "/", "virtualhost", "x", null)]
    [InlineData("connect_timeout", "1", "virtualhost", "x", "HTTP_GET of real_server 127.0.0.1 9 needs at least one url block")]
    [InlineData("url:path", "health", "url:status_code", "200", "invalid path 'health' in url of HTTP_GET of real_server 127.0.0.1 9 (expected /… without spaces)")]
    [InlineData("url:path", "/a b", "url:status_code", "200", "invalid path '/a b' in url of HTTP_GET of real_server 127.0.0.1 9 (expected /… without spaces)")]
    [InlineData("url:path", "/", "url:digest", "abc", "invalid digest 'abc' in url of HTTP_GET of real_server 127.0.0.1 9 (expected the body's MD5, 32 hex digits)")]
    [InlineData("url:path", "/", "url:status_code", "2xx", "invalid status_code '2xx' in url of HTTP_GET of real_server 127.0.0.1 9: '2xx' is not a status code 100-599 or a range of them")]
    [InlineData("url:path", "/", "url:regex", "ok", null)]
    [InlineData("url:path", "/", "url:regex", "(", "invalid regex '(' in url of HTTP_GET of real_server 127.0.0.1 9: Invalid pattern '(' at offset 1. Not enough )'s.")]
    [InlineData("url:path", "/", "url:regex_options", "caseless", "regex_options without regex in url of HTTP_GET of real_server 127.0.0.1 9 is ignored")]
    [InlineData("url:path", "/", "url:tls_compliant", "", "unknown keyword 'tls_compliant' in url of HTTP_GET of real_server 127.0.0.1 9")]
    [InlineData("url:path", "/", "virtualhost", "a b", "invalid virtualhost 'a b' in HTTP_GET of real_server 127.0.0.1 9 (expected a host name without spaces)")]
    [InlineData("url:path", "/", "http_protocol", "2", "invalid http_protocol '2' in HTTP_GET of real_server 127.0.0.1 9 (expected 1.0, 1.0C, 1.0K or 1.1)")]
    [InlineData("url:path", "/", "fast_recovery", "", null)]
    [InlineData("url:path", "/", "fast_recovery", "no", null)]
    [InlineData("url:path", "/", "fast_recovery", "maybe", "invalid fast_recovery 'maybe' in HTTP_GET of real_server 127.0.0.1 9 (expected yes or no)")]
    public void ValidatesItsKeywords(string key1, string value1, string key2, string value2, string? error)
    {
        var (settings, _, issues) = Probes.Read(new HttpGetChecker(), 9, [(key1, value1), (key2, value2)]);
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
    public void DefaultsAreKeepalivedsForHttp()
    {
        var (settings, _, _) = Probes.Read(new HttpGetChecker(), 9, [("url:path", "/")]);
        Assert.Equal(1, settings!.Schedule.Retry);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ConnectTimeout);
        Assert.Equal(9, settings.Connect.Port);
    }
}
