using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Vigil.Host.Tests.Support;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Plugins;

/// <summary>
/// A plugin that runs Kestrel on a port of its own (tests/plugins/httpecho), inside the real daemon: ASP.NET Core comes
/// from the shared framework the host references, never from copies in the plugin's folder.
/// </summary>
public sealed class HttpPluginTests
{
    [Fact]
    public async Task Run_HttpEchoEnabled_ServesHelloWithKestrelFromTheDefaultContext()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var dir = VigilInstance.NewDirectory();
        var port = FreePort.Next();
        await using var vigil = BackgroundProcess.Start(RepoPaths.VigilBinary, Arguments(dir, plugins, port));
        await vigil.WaitForOutputAsync("Admin endpoint listening", TimeSpan.FromSeconds(30));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/hello"));

        Assert.Equal(
            "module: httpecho\n"
            + $"kestrel: Default {typeof(KestrelServerOptions).Assembly.Location}\n"
            + "aspnetcore in plugin context: 0\n",
            body);
        Assert.Empty(Directory.GetFiles(Path.Combine(plugins, "httpecho"), "Microsoft.AspNetCore.*"));
        Assert.Contains($"Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:{port}", vigil.Output);
        Assert.DoesNotContain("Request starting", vigil.Output);

        vigil.Signal(BackgroundProcess.SigTerm);
        Assert.True(await vigil.WaitForExitAsync(TimeSpan.FromSeconds(15)), vigil.Output);
        Assert.Equal(0, vigil.ExitCode);
        Assert.Contains("Stopping module httpecho", vigil.Output);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/hello")));
    }

    [Fact]
    public async Task Run_HttpEchoPortInUse_ExitsOneWithOneLineOnStderr()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var dir = VigilInstance.NewDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await Command.RunAsync(RepoPaths.VigilBinary, Arguments(dir, plugins, port), TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"vigil: module 'httpecho': failed to start: cannot listen on 127.0.0.1:{port}: Address already in use", result.Stderr.Trim());
    }

    private static List<string> Arguments(string dir, string plugins, int port)
    {
        var conf = Path.Combine(dir, "keepalived.conf");
        File.WriteAllText(conf, "global_defs {\n    router_id node1\n}\n");
        var args = new List<string> { "run", "-f", conf };
        args.AddRange(VigilInstance.Flags(dir, plugins, FreePort.Next(), "httpecho"));
        args.AddRange(["--set", $"Modules:httpecho:Port={port}"]);
        return args;
    }
}
