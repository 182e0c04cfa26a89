using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>
/// Opens a probe's TCP connection as its settings say: from <c>bindto</c>/<c>bind_port</c>, through <c>bind_if</c>, with
/// <c>fwmark</c> on its packets, within <c>connect_timeout</c>. Every failure is a <see cref="ProbeFailedException"/>
/// naming its kind; only the caller's cancellation ends it otherwise.
/// </summary>
internal static class ProbeConnector
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;
    private const int SoMark = 36;

    /// <summary>A connected socket to <see cref="CheckSettings.Connect"/>; the caller disposes it.</summary>
    public static async Task<Socket> ConnectAsync(CheckSettings settings, CancellationToken cancellationToken)
    {
        var target = settings.Connect;
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            Prepare(socket, settings);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(target, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ProbeFailedException(CheckResult.Fail(
                    CheckFailureKind.Timeout,
                    $"connect to {target} timed out after {Seconds(settings.ConnectTimeout)} s"));
            }
            catch (SocketException e)
            {
                throw new ProbeFailedException(SocketFailures.Result(e, $"connect to {target}"));
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A duration in seconds for messages (<c>0.5</c>, <c>3</c>).</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Applies <c>bind_if</c>, <c>fwmark</c> and <c>bindto</c>/<c>bind_port</c> to a probe's socket (TCP or UDP).</summary>
    public static void Prepare(Socket socket, CheckSettings settings)
    {
        try
        {
            if (settings.BindInterface is { } device)
            {
                socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(device + "\0"));
            }

            if (settings.Fwmark != 0)
            {
                socket.SetRawSocketOption(SolSocket, SoMark, BitConverter.GetBytes(settings.Fwmark));
            }

            if (settings.Bind is { } local)
            {
                socket.Bind(local);
            }
        }
        catch (SocketException e)
        {
            throw new ProbeFailedException(CheckResult.Fail(CheckFailureKind.Error, $"cannot prepare the probe's socket ({Describe(settings)}): {e.Message}"));
        }
    }

    private static string Describe(CheckSettings settings)
    {
        var parts = new List<string>();
        if (settings.Bind is { } local)
        {
            parts.Add($"bindto {local}");
        }

        if (settings.BindInterface is { } device)
        {
            parts.Add($"bind_if {device}");
        }

        if (settings.Fwmark != 0)
        {
            parts.Add($"fwmark {settings.Fwmark.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(", ", parts);
    }
}
