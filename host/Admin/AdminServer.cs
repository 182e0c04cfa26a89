using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Vigil.Host.Admin;

/// <summary>
/// The admin endpoint: a Unix socket readable and writable by root only, one JSON request per line,
/// one JSON answer per line (<c>{"op":"status"}</c>, <c>{"op":"reload"}</c>, <c>{"op":"operations"}</c>, and every module's
/// operations as <c>{"op":"rs.drain","args":{…}}</c>).
/// </summary>
internal sealed partial class AdminServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 64 * 1024;
    private readonly string _path;
    private readonly Func<CancellationToken, Task<JsonNode?>> _status;
    private readonly Func<CancellationToken, Task<JsonNode?>> _reload;
    private readonly OperationDispatcher _operations;
    private readonly ILogger<AdminServer> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task? _acceptLoop;

    public AdminServer(
        string path,
        Func<CancellationToken, Task<JsonNode?>> status,
        Func<CancellationToken, Task<JsonNode?>> reload,
        OperationDispatcher operations,
        ILogger<AdminServer> logger)
    {
        _path = path;
        _status = status;
        _reload = reload;
        _operations = operations;
        _logger = logger;
    }

    /// <summary>Binds the socket; throws <see cref="IOException"/> when another live instance already answers there.</summary>
    public void Start()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        if (File.Exists(_path))
        {
            if (IsAlive(_path))
            {
                throw new IOException($"admin socket {_path} is in use by another running instance");
            }

            File.Delete(_path);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_path));
        File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        listener.Listen(16);
        _listener = listener;
        LogListening(_path);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        if (_listener is not null && File.Exists(_path))
        {
            File.Delete(_path);
        }

        _stopping.Dispose();
    }

    private static bool IsAlive(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener!.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        await using (var stream = new NetworkStream(client, ownsSocket: false))
        {
            try
            {
                var request = await ReadLineAsync(stream).ConfigureAwait(false);
                var answer = await AnswerAsync(request).ConfigureAwait(false);
                var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString() + "\n");
                await stream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                LogRequestFailed(e.Message);
            }
        }
    }

    private async Task<JsonNode> AnswerAsync(string? request)
    {
        JsonObject? message;
        try
        {
            message = request is null ? null : JsonNode.Parse(request) as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }

        var op = message?["op"]?.GetValue<string>();
        if (op is null)
        {
            return Error("request must be one JSON object with an \"op\" string");
        }

        try
        {
            return op switch
            {
                "status" => new JsonObject { ["ok"] = true, ["result"] = await _status(_stopping.Token).ConfigureAwait(false) },
                "reload" => new JsonObject { ["ok"] = true, ["result"] = await _reload(_stopping.Token).ConfigureAwait(false) },
                "operations" => new JsonObject { ["ok"] = true, ["result"] = _operations.List() },
                _ => await _operations.RunAsync(op, message!["args"] as JsonObject, _stopping.Token).ConfigureAwait(false),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error($"{op} failed: {e.Message}");
        }
    }

    private static JsonObject Error(string message) => new() { ["ok"] = false, ["error"] = message };

    private async Task<string?> ReadLineAsync(Stream stream)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            var newline = Array.IndexOf(buffer, (byte)'\n', length, read);
            length += read;
            if (newline >= 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, newline);
            }
        }

        return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    [LoggerMessage(EventId = EventIds.AdminListening, Level = LogLevel.Information, Message = "Admin endpoint listening on {Path}")]
    private partial void LogListening(string path);

    [LoggerMessage(EventId = EventIds.AdminRequestFailed, Level = LogLevel.Debug, Message = "Admin request failed: {Reason}")]
    private partial void LogRequestFailed(string reason);
}
