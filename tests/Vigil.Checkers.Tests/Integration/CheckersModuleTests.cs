using System.Globalization;
using Autofac;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers;

namespace Vigil.Checkers.Tests.Integration;

/// <summary>The module as the host wires it, checking a real HTTP server on 127.0.0.1 on the real clock.</summary>
public sealed class CheckersModuleTests
{
    private static readonly VirtualServerKey Vs = VirtualServerKey.Parse("10.0.0.1 80");

    [Fact]
    public void DeclaresItselfAsTheCheckersModule()
    {
        var module = new CheckersModule();
        Assert.Equal("checkers", module.Name);
        Assert.Equal(ModuleRoles.VirtualServers, module.Roles);
        Assert.Equal(["SSL"], module.Sections);
        Assert.Contains("rs_init_notifies", module.GlobalKeys);
        Assert.Contains("checker_log_all_failures", module.GlobalKeys);
    }

    [Fact]
    public async Task HealthFollowsTheServerGoingAwayAndComingBack()
    {
        await using var server = new LocalHttpServer();
        var port = server.Port;
        var state = new RecordingState();
        var bus = new RecordingBus();
        var module = new CheckersModule();
        var builder = new ContainerBuilder();
        builder.RegisterInstance(TimeProvider.System).As<TimeProvider>();
        builder.RegisterInstance(state).As<IClusterState>();
        builder.RegisterInstance(bus).As<IEventBus>();
        builder.RegisterGeneric(typeof(NullLogger<>)).As(typeof(ILogger<>));
        // What the host provides every module besides the state and the bus.
        builder.RegisterType<Vigil.Host.Processes.ScriptRunner>().As<Vigil.Abstractions.Processes.IScriptRunner>().SingleInstance();
        module.Register(builder, new ModuleContext("checkers", new ConfigurationBuilder().Build(), "test", "/nonexistent", "/nonexistent"));
        await using var container = builder.Build();
        Assert.Equal(["TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK"], container.Resolve<IEnumerable<IHealthChecker>>().Select(c => c.Name));

        var rs = new RealServerKey(System.Net.IPAddress.Loopback, port);
        var configuration = TreeConfig.Build(
            ("virtual_server:0:name", "10.0.0.1 80"),
            ("virtual_server:0:delay_loop", "0.2"),
            ("virtual_server:0:real_server:0:name", $"127.0.0.1 {port.ToString(CultureInfo.InvariantCulture)}"),
            ("virtual_server:0:real_server:0:HTTP_GET:url:path", "/health"),
            ("virtual_server:0:real_server:0:HTTP_GET:connect_timeout", "0.5"),
            ("virtual_server:0:real_server:0:HTTP_GET:retry", "1"),
            ("virtual_server:0:real_server:0:HTTP_GET:delay_before_retry", "0.1"),
            ("virtual_server:0:real_server:0:HTTP_GET:warmup", "0"));
        await module.StartAsync(container, configuration, CancellationToken.None);
        try
        {
            RealServerHealth? Health() => state.Get(StateKeys.RealServerHealth(Vs, rs));
            await Eventually.TrueAsync(() => server.Requests.Count > 0 && Health()?.Up == true, "the first check");

            await server.StopAsync();
            await Eventually.TrueAsync(() => Health()?.Up == false, "the server to be marked down");
            Assert.Equal("HTTP_GET", Health()!.Checker);
            Assert.Equal("connection refused", Health()!.Reason);

            server.Start(port);
            await Eventually.TrueAsync(() => Health()?.Up == true, "the server to be marked up again");

            Assert.Equal([false, true], bus.Changes.Select(c => c.Up));
            Assert.Equal([true, false, true], state.HealthWrites.Select(h => h.Up));
        }
        finally
        {
            await module.StopAsync(CancellationToken.None);
        }
    }
}
