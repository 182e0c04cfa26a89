using System.Diagnostics;
using System.Net.Sockets;
using Vigil.Abstractions.Checks;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers;

namespace Vigil.Checkers.Tests.Checkers;

/// <summary>HTTP_GET against real loopback servers that misbehave: each failure has its kind and reason, none outlives connect_timeout.</summary>
[Collection(nameof(AllocationSensitive))]
public sealed class HttpGetMisbehaviourTests
{
    private const string HelloMd5 = "5d41402abc4b2a76b9719d911017c592";

    private static async Task<(CheckResult Result, TimeSpan Took)> ProbeAsync(ScriptedServer server, params (string, string)[] block)
    {
        var timeout = block.Any(b => b.Item1 == "connect_timeout") ? [] : new[] { ("connect_timeout", "1") };
        await using var check = Probes.Create(new HttpGetChecker(), server.Port, [.. timeout, .. block]);
        var watch = Stopwatch.StartNew();
        var result = await check.ProbeAsync(CancellationToken.None);
        return (result, watch.Elapsed);
    }

    [Fact]
    public async Task Status500_IsABadStatus()
    {
        await using var server = ScriptedServer.Answering("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 3\r\n\r\nerr");
        var (result, _) = await ProbeAsync(server, ("url:path", "/"), ("url:digest", HelloMd5));
        Assert.Equal(CheckFailureKind.BadStatus, result.Failure);
        Assert.Equal($"GET http://127.0.0.1:{server.Port}/ answered 500, expected 200-299", result.Detail);
    }

    [Fact]
    public async Task AServerThatHangsAfterTheRequest_TimesOutAtConnectTimeout()
    {
        await using var server = new ScriptedServer(async (socket, stop) =>
        {
            await ScriptedServer.ReadRequestAsync(socket, stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        var (result, took) = await ProbeAsync(server, ("url:path", "/"));
        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.Equal($"GET http://127.0.0.1:{server.Port}/: no complete answer within 1 s", result.Detail);
        Assert.InRange(took, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AResetConnection_IsAReset()
    {
        await using var server = new ScriptedServer(async (socket, stop) =>
        {
            await ScriptedServer.ReadRequestAsync(socket, stop);
            await socket.SendAsync("HTTP/1.0 200 OK\r\nContent-Length: 100\r\n\r\npartial"u8.ToArray(), stop);
            await Task.Delay(50, stop);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        var (result, _) = await ProbeAsync(server, ("url:path", "/"), ("url:digest", HelloMd5));
        Assert.Equal(CheckFailureKind.Reset, result.Failure);
        Assert.Equal("connection reset", result.Reason);
    }

    [Fact]
    public async Task AClosedAnswerWithoutData_IsAReset()
    {
        await using var server = new ScriptedServer(ScriptedServer.ReadRequestAsync);
        var (result, _) = await ProbeAsync(server, ("url:path", "/"));
        Assert.Equal(CheckFailureKind.Reset, result.Failure);
        Assert.EndsWith("the connection closed without an answer", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongBody_IsADigestMismatch()
    {
        await using var server = ScriptedServer.Answering("HTTP/1.0 200 OK\r\n\r\nhullo");
        var (result, _) = await ProbeAsync(server, ("url:path", "/"), ("url:digest", HelloMd5));
        Assert.Equal(CheckFailureKind.DigestMismatch, result.Failure);
        Assert.EndsWith($"body MD5 {Md5("hullo")}, expected {HelloMd5}", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChunkedBody_IsDigestedWithoutItsFraming()
    {
        await using var server = ScriptedServer.Answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n");
        var (result, _) = await ProbeAsync(server, ("url:path", "/"), ("url:digest", HelloMd5), ("http_protocol", "1.1"));
        Assert.True(result.Healthy, result.Detail);
    }

    [Fact]
    public async Task AServerTricklingOneByteASecond_CannotHoldTheProbePastConnectTimeout()
    {
        await using var server = new ScriptedServer(async (socket, stop) =>
        {
            await ScriptedServer.ReadRequestAsync(socket, stop);
            foreach (var b in "HTTP/1.0 200 OK\r\n\r\nhello"u8.ToArray())
            {
                await socket.SendAsync(new[] { b }, stop);
                await Task.Delay(1000, stop);
            }
        });
        var (result, took) = await ProbeAsync(server, ("url:path", "/"), ("connect_timeout", "1.5"));
        Assert.Equal(CheckFailureKind.Timeout, result.Failure);
        Assert.InRange(took, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task AnEndlessBody_EndsAtTheBodyCapWithoutGrowingMemory()
    {
        await using var server = EndlessServer();
        await using var check = Probes.Create(new HttpGetChecker(), server.Port, [("connect_timeout", "5"), ("url:path", "/"), ("url:digest", HelloMd5)]);
        await check.ProbeAsync(CancellationToken.None);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await check.ProbeAsync(CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(CheckFailureKind.BadResponse, result.Failure);
        Assert.EndsWith("body longer than 1048576 bytes", result.Detail, StringComparison.Ordinal);

        // More than a megabyte went through; what stays allocated is the probe's own few objects, not the body.
        Assert.InRange(allocated, 0, 256 * 1024);
    }

    [Fact]
    public async Task AnEndlessBody_WithNothingToLookAtInIt_PassesOnItsStatusAtOnce()
    {
        await using var server = EndlessServer();
        var (result, took) = await ProbeAsync(server, ("url:path", "/"));
        Assert.True(result.Healthy, result.Detail);
        Assert.InRange(took, TimeSpan.Zero, TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Regex_MustMatchTheBody_OrWithNoMatchMustNot()
    {
        await using var server = ScriptedServer.Answering("HTTP/1.0 200 OK\r\n\r\n<html>status: OK, 3 workers</html>");
        Assert.True((await ProbeAsync(server, ("url:path", "/"), ("url:regex", "status: (OK|WARN)"))).Result.Healthy);
        Assert.True((await ProbeAsync(server, ("url:path", "/"), ("url:regex", "STATUS: ok"), ("url:regex_options", "caseless"))).Result.Healthy);

        var (missing, _) = await ProbeAsync(server, ("url:path", "/"), ("url:regex", "status: DOWN"));
        Assert.Equal(CheckFailureKind.BadResponse, missing.Failure);
        Assert.EndsWith("body does not match regex 'status: DOWN'", missing.Detail, StringComparison.Ordinal);

        var (present, _) = await ProbeAsync(server, ("url:path", "/"), ("url:regex", "workers"), ("url:regex_no_match", ""));
        Assert.Equal(CheckFailureKind.BadResponse, present.Failure);
        Assert.EndsWith("body matches regex 'workers' (regex_no_match)", present.Detail, StringComparison.Ordinal);

        var (late, _) = await ProbeAsync(server, ("url:path", "/"), ("url:regex", "workers"), ("url:regex_max_offset", "10"));
        Assert.EndsWith("body does not match regex 'workers' starting at offsets 0-10", late.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_AreKeepalivedsGet()
    {
        var seen = new TaskCompletionSource<string>();
        await using var server = new ScriptedServer(async (socket, stop) =>
        {
            var buffer = new byte[4096];
            var read = await socket.ReceiveAsync(buffer, stop);
            seen.TrySetResult(System.Text.Encoding.Latin1.GetString(buffer, 0, read));
            await socket.SendAsync("HTTP/1.0 200 OK\r\n\r\n"u8.ToArray(), stop);
        });
        await ProbeAsync(server, ("url:path", "/x?y=1"), ("virtualhost", "www.example"), ("http_protocol", "1.1"));
        Assert.Equal("GET /x?y=1 HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: www.example\r\n\r\n", await seen.Task);
    }

    private static ScriptedServer EndlessServer() => new(async (socket, stop) =>
    {
        await ScriptedServer.ReadRequestAsync(socket, stop);
        await socket.SendAsync("HTTP/1.0 200 OK\r\n\r\n"u8.ToArray(), stop);
        var chunk = new byte[64 * 1024];
        while (true)
        {
            await socket.SendAsync(chunk, stop);
        }
    });

    private static string Md5(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.ASCII.GetBytes(text)));
}

/// <summary>Tests that measure allocations run alone.</summary>
[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public sealed class AllocationSensitive;
