using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>
/// Opens the TCP connection to one <see cref="SmtpTarget"/> as keepalived's checkers do: from <c>bindto</c>, through
/// <c>bind_if</c> (SO_BINDTODEVICE), with <c>fwmark</c> (SO_MARK), within <c>connect_timeout</c>.
/// </summary>
internal static class SmtpConnector
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;
    private const int SoMark = 36;

    /// <summary>The connected socket, or the failed result; only <paramref name="cancellationToken"/> throws.</summary>
    public static async Task<(Socket? Socket, CheckResult? Failure)> ConnectAsync(SmtpTarget target, CancellationToken cancellationToken)
    {
        var socket = new Socket(target.Connect.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (target.BindInterface is { } device)
            {
                socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(device + "\0"));
            }

            if (target.Fwmark != 0)
            {
                socket.SetRawSocketOption(SolSocket, SoMark, BitConverter.GetBytes(target.Fwmark));
            }

            if (target.Bind is { } local)
            {
                socket.Bind(local);
            }
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return (null, CheckResult.Fail(CheckFailureKind.Error, $"cannot prepare the socket for {target.Connect}: {e.Message}"));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.Timeout);
        try
        {
            await socket.ConnectAsync(target.Connect, timeout.Token).ConfigureAwait(false);
            return (socket, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            return (null, CheckResult.Fail(CheckFailureKind.Timeout, $"connect to {target.Connect} timed out after {Seconds(target.Timeout)} s"));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return (null, CheckResult.Fail(Kind(e.SocketErrorCode), $"connect to {target.Connect}: {e.Message}"));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The failure kind of a socket error.</summary>
    public static CheckFailureKind Kind(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => CheckFailureKind.Refused,
        SocketError.TimedOut => CheckFailureKind.Timeout,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => CheckFailureKind.Reset,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown => CheckFailureKind.Unreachable,
        _ => CheckFailureKind.Error,
    };

    /// <summary>A duration in seconds for messages (<c>0.5</c>, <c>3</c>).</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
