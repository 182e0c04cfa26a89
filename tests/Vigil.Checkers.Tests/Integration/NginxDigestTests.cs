using System.Security.Cryptography;
using Vigil.Abstractions.Checks;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Genhash;
using Vigil.Testing.Processes;

namespace Vigil.Checkers.Tests.Integration;

/// <summary>
/// Debian's nginx on a loopback port serving a file of random bytes: genhash prints what md5sum says of the file, and
/// HTTP_GET with that digest passes, over HTTP/1.0 and 1.1; a location answering 500 fails on its status.
/// </summary>
public sealed class NginxDigestTests
{
    [Fact]
    public async Task GenhashAndHttpGet_AgreeWithMd5sumOfTheServedFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"vigil-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var port = Probes.ClosedPort();
        await File.WriteAllBytesAsync(Path.Combine(directory, "page.bin"), RandomNumberGenerator.GetBytes(300_000));
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            user root;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path {{directory}}; proxy_temp_path {{directory}}; fastcgi_temp_path {{directory}}; uwsgi_temp_path {{directory}}; scgi_temp_path {{directory}};
              server { listen 127.0.0.1:{{port}}; root {{directory}}; location = /broken { return 500 "down\n"; } }
            }
            """);
        var nginx = BackgroundProcess.Start("nginx", ["-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;"]);
        try
        {
            var md5sum = await Command.RunCheckedAsync("md5sum", Path.Combine(directory, "page.bin"));
            var expected = md5sum.Stdout.Split(' ')[0];
            await Eventually.TrueAsync(() => Listening(port), "nginx listening");

            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await new GenhashTool().RunAsync(["-s", "127.0.0.1", "-p", $"{port}", "-u", "/page.bin"], output, error, CancellationToken.None);
            Assert.True(exit == 0, error.ToString());
            Assert.Equal(expected, output.ToString().Trim());

            foreach (var protocol in new[] { "1.0", "1.1" })
            {
                await using var check = Probes.Create(new HttpGetChecker(), port, [("url:path", "/page.bin"), ("url:digest", expected), ("http_protocol", protocol)]);
                var result = await check.ProbeAsync(CancellationToken.None);
                Assert.True(result.Healthy, result.Detail);
            }

            await using var broken = Probes.Create(new HttpGetChecker(), port, [("url:0:path", "/page.bin"), ("url:1:path", "/broken")]);
            var failed = await broken.ProbeAsync(CancellationToken.None);
            Assert.Equal(CheckFailureKind.BadStatus, failed.Failure);
            Assert.Equal(500, failed.Code);
        }
        finally
        {
            await nginx.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
