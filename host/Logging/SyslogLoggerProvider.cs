using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Vigil.Host.Logging;

/// <summary>
/// Writes log lines to the local syslog socket (<c>/dev/log</c>) in RFC 3164 form, as keepalived does.
/// A missing or full socket drops the line: logging must never stall a failover.
/// </summary>
internal sealed class SyslogLoggerProvider : ILoggerProvider
{
    private readonly Socket? _socket;
    private readonly int _facility;
    private readonly string _tag;

    public SyslogLoggerProvider(int facility, string tag, string path = "/dev/log")
    {
        _facility = facility;
        _tag = tag;
        try
        {
            _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { Blocking = false };
            _socket.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }

    public ILogger CreateLogger(string categoryName) => new SyslogLogger(this, categoryName);

    public void Dispose() => _socket?.Dispose();

    private void Write(LogLevel level, string category, string message)
    {
        if (_socket is null)
        {
            return;
        }

        var severity = level switch
        {
            LogLevel.Critical => 2,
            LogLevel.Error => 3,
            LogLevel.Warning => 4,
            LogLevel.Information => 6,
            _ => 7,
        };
        var line = $"<{(_facility * 8) + severity}>{_tag}[{Environment.ProcessId}]: {category}: {message}";
        try
        {
            _socket.Send(Encoding.UTF8.GetBytes(line));
        }
        catch (SocketException)
        {
            // syslog is best effort; the console still has the line.
        }
    }

    private sealed class SyslogLogger(SyslogLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (exception is not null)
            {
                message = $"{message}: {exception.Message}";
            }

            provider.Write(logLevel, category, message);
        }
    }
}
