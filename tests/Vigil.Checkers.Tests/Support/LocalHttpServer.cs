using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Checkers.Tests.Support;

/// <summary>
/// A tiny HTTP/1.0 server on 127.0.0.1 answering every request with what the test sets, or, when
/// <see cref="Silent"/>, accepting and never answering. Stop and start it again on the same port to take it away.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, string? Host)> _requests = new();
    private readonly List<TcpClient> _held = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public LocalHttpServer(int port = 0) => Start(port);

    public int Port { get; private set; }

    public volatile int Status = 200;

    public volatile byte[] Body = "hello"u8.ToArray();

    public volatile bool Silent;

    /// <summary>Per path overrides of the status.</summary>
    public ConcurrentDictionary<string, int> StatusByPath { get; } = new();

    public IReadOnlyList<(string Path, string? Host)> Requests => [.. _requests];

    public void Start(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _stop = new CancellationTokenSource();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting!;
        }
        catch (OperationCanceledException)
        {
        }

        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
            _held.Clear();
        }

        _stop.Dispose();
        _listener = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client, stop);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        if (Silent)
        {
            lock (_held)
            {
                _held.Add(client);
            }

            return;
        }

        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var requestLine = await reader.ReadLineAsync(stop) ?? "";
                string? host = null;
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(stop)))
                {
                    if (line.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))
                    {
                        host = line[5..].Trim();
                    }
                }

                var path = requestLine.Split(' ') is [_, var p, ..] ? p : "";
                _requests.Enqueue((path, host));
                var status = StatusByPath.TryGetValue(path, out var s) ? s : Status;
                var body = Body;
                var head = $"HTTP/1.0 {status} X\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
                await stream.WriteAsync(body, stop);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The probe hung up early (a bad status needs no body): nothing to serve.
            }
        }
    }
}
