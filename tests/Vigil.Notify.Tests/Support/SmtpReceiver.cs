using System.Net;
using System.Net.Sockets;
using Vigil.Testing.Processes;

namespace Vigil.Notify.Tests.Support;

/// <summary>A real SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1 that appends every message to a file.</summary>
internal sealed class SmtpReceiver : IDisposable
{
    /// <summary>
    /// The one-file aiosmtpd server: listens on 127.0.0.1:argv[1], appends each message (HELO, envelope, content and a
    /// separator) to argv[2], prints "ready" once listening, and runs until its process group is killed.
    /// </summary>
    public const string Script = """
        import sys, threading
        from aiosmtpd.controller import Controller
        class Handler:
            async def handle_DATA(self, server, session, envelope):
                with open(sys.argv[2], 'ab') as f:
                    f.write(b'HELO ' + (session.host_name or '').encode() + b'\r\n')
                    f.write(b'MAIL FROM ' + envelope.mail_from.encode() + b'\r\n')
                    f.write(b'RCPT TO ' + ','.join(envelope.rcpt_tos).encode() + b'\r\n')
                    f.write(envelope.content + b'\r\n=====\r\n')
                return '250 OK'
        controller = Controller(Handler(), hostname='127.0.0.1', port=int(sys.argv[1]))
        controller.start()
        print('ready', flush=True)
        threading.Event().wait()
        """;

    private readonly TempDir _dir = new();
    private readonly BackgroundProcess _process;

    public SmtpReceiver()
    {
        Port = FreePort();
        var script = _dir.File("smtpd.py");
        File.WriteAllText(script, Script);
        MailFile = _dir.File("mail.txt");
        _process = BackgroundProcess.Start("/usr/bin/python3", [script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), MailFile]);
        try
        {
            _process.WaitForOutputAsync("ready", TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
        }
        catch (TimeoutException e)
        {
            _process.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new InvalidOperationException("aiosmtpd did not start (is python3-aiosmtpd installed? run scripts/install-deps.sh)", e);
        }
    }

    public int Port { get; }

    public string MailFile { get; }

    /// <summary>Everything received, with folded header lines unfolded.</summary>
    public string Received => File.Exists(MailFile) ? File.ReadAllText(MailFile).Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal) : "";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _process.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dir.Dispose();
    }
}
