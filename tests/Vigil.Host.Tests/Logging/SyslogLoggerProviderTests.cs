using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Vigil.Host.Logging;

namespace Vigil.Host.Tests.Logging;

public sealed class SyslogLoggerProviderTests
{
    [Fact]
    public void Log_WritesRfc3164LineWithFacilityAndSeverity()
    {
        var path = Path.Combine(Path.GetTempPath(), "vigil-syslog-" + Guid.NewGuid().ToString("N")[..8]);
        using var server = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        server.Bind(new UnixDomainSocketEndPoint(path));
        server.ReceiveTimeout = 5000;
        using (var provider = new SyslogLoggerProvider(facility: 3, tag: "vigil", path))
        {
            provider.CreateLogger("Vigil.Vrrp").LogWarning("VRRP_Instance(VI_1) entering FAULT state");
        }

        var buffer = new byte[2048];
        var length = server.Receive(buffer);

        Assert.Equal($"<28>vigil[{Environment.ProcessId}]: Vigil.Vrrp: VRRP_Instance(VI_1) entering FAULT state", Encoding.UTF8.GetString(buffer, 0, length));
        File.Delete(path);
    }

    [Fact]
    public void Log_NoSyslogSocket_DropsSilently()
    {
        using var provider = new SyslogLoggerProvider(facility: 3, tag: "vigil", "/nonexistent/dev-log");

        var error = Record.Exception(() => provider.CreateLogger("x").LogError("still fine"));

        Assert.Null(error);
    }
}
