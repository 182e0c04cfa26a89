using System.Collections.Concurrent;
using System.Net;

namespace Vigil.Notify.Tests.Support;

/// <summary>An HTTP server on 127.0.0.1 that records each request and answers with the next queued status (200 when none).</summary>
internal sealed class HttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public HttpReceiver()
    {
        Port = SmtpReceiver.FreePort();
        Url = $"http://127.0.0.1:{Port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url { get; }

    public ConcurrentQueue<int> Statuses { get; } = new();

    public ConcurrentQueue<(string Method, string Body, Dictionary<string, string> Headers)> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(2));
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue((context.Request.HttpMethod, body, headers));
            context.Response.StatusCode = Statuses.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
        }
    }
}
