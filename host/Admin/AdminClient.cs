using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Host.Admin;

/// <summary>Sends one request to a running instance's admin socket and returns its answer.</summary>
internal static class AdminClient
{
    public static async Task<JsonObject> RequestAsync(string socketPath, JsonObject request, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToJsonString() + "\n"), cts.Token).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(cts.Token).ConfigureAwait(false)
            ?? throw new IOException($"{socketPath} closed the connection without an answer");
        return JsonNode.Parse(line) as JsonObject ?? throw new IOException($"{socketPath} answered with something that is not a JSON object");
    }
}
