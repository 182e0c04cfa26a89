using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Abstractions.Checks;

namespace Vigil.TestPlugins.SmtpCheck;

/// <summary>One SMTP probe: connect, read the 220 greeting, HELO, expect 250, QUIT.</summary>
internal sealed class SmtpCheck(IPEndPoint endpoint, string heloName, TimeSpan timeout) : IHealthCheck
{
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient(endpoint.AddressFamily);
            await client.ConnectAsync(endpoint, cts.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var greeting = await ReadReplyAsync(reader, cts.Token);
            if (!greeting.StartsWith("220", StringComparison.Ordinal))
            {
                return CheckResult.Fail(CheckFailureKind.BadResponse, $"greeting was '{greeting}'");
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HELO {heloName}\r\n"), cts.Token);
            var helo = await ReadReplyAsync(reader, cts.Token);
            await stream.WriteAsync("QUIT\r\n"u8.ToArray(), cts.Token);
            return helo.StartsWith("250", StringComparison.Ordinal) ? CheckResult.Pass(helo) : CheckResult.Fail(CheckFailureKind.BadResponse, $"HELO answered '{helo}'");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return CheckResult.Fail(CheckFailureKind.Refused, $"{endpoint}: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(CheckFailureKind.Timeout, $"{endpoint}: no answer within {timeout.TotalSeconds} s");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return CheckResult.Fail(CheckFailureKind.Reset, $"{endpoint}: {e.Message}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<string> ReadReplyAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed");
        }
        while (line.Length > 3 && line[3] == '-');
        return line;
    }
}
