using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Checkers.Tests.Support;

/// <summary>A loopback HTTPS server presenting <see cref="Certificate"/> and answering every request with 200 hello; it records the SNI names it was asked for.</summary>
internal sealed class TlsServer : IAsyncDisposable
{
    private readonly ScriptedServer _server;
    private readonly List<string?> _names = [];

    public TlsServer(X509Certificate2 certificate)
    {
        Certificate = certificate;
        _server = new ScriptedServer(ServeAsync);
    }

    public X509Certificate2 Certificate { get; }

    public int Port => _server.Port;

    public IReadOnlyList<string?> ServerNames
    {
        get
        {
            lock (_names)
            {
                return [.. _names];
            }
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(Socket socket, CancellationToken stop)
    {
        await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false));
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateSelectionCallback = (_, name) =>
            {
                lock (_names)
                {
                    _names.Add(string.IsNullOrEmpty(name) ? null : name);
                }

                return Certificate;
            },
        };
        await ssl.AuthenticateAsServerAsync(options, stop);
        var request = new MemoryStream();
        var buffer = new byte[4096];
        while (request.ToArray().AsSpan().IndexOf("\r\n\r\n"u8) < 0)
        {
            var read = await ssl.ReadAsync(buffer, stop);
            if (read == 0)
            {
                return;
            }

            request.Write(buffer, 0, read);
        }

        await ssl.WriteAsync("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello"u8.ToArray(), stop);
    }
}
