using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Demo;

/// <summary>
/// The demo's stand-in for nginx (<c>vigil-demo web</c>, started as demo-nginx): answers every HTTP request with
/// one line, "served by NAME" (or, as a sorry server, "sorry (NAME)"), and closes the connection.
/// </summary>
internal static class DemoWebServer
{
    /// <summary>What a web server answers: the client reads NAME back from it.</summary>
    public const string ServedByPrefix = "served by ";

    /// <summary>The answer of the web server named <paramref name="name"/>.</summary>
    public static string ServedByBody(string name) => ServedByPrefix + name;

    /// <summary>The answer of <paramref name="name"/>'s sorry server.</summary>
    public static string SorryBody(string name) => $"sorry ({name})";

    /// <summary>Serves <paramref name="text"/> on all addresses of the namespace until cancelled.</summary>
    public static async Task<int> RunAsync(string text, int port, CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Any, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        var body = Encoding.ASCII.GetBytes(text + "\n");
        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n").Concat(body).ToArray();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                _ = AnswerAsync(client, response);
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }

    private static async Task AnswerAsync(TcpClient client, byte[] response)
    {
        using (client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(response, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A client that went away or stalled; the next one is served regardless.
            }
        }
    }
}
