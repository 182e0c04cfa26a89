using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Modules;
using Vigil.Host.Admin;
using Vigil.Host.Logging;
using Vigil.Host.Metrics;
using Vigil.Host.Runtime;

namespace Vigil.Host.Cli;

/// <summary><c>vigil run</c>: the daemon, in the foreground. Also what keepalived-style invocations run.</summary>
internal sealed class RunCommand
{
    public Option<bool> DontFork { get; } = new("--dont-fork", "-n") { Description = "Accepted for keepalived compatibility; Vigil always runs in the foreground", Recursive = true };

    public Option<bool> LogConsole { get; } = new("--log-console", "-l") { Description = "Log to the console (always on)", Recursive = true };

    public Option<bool> LogDetail { get; } = new("--log-detail", "-D") { Description = "Detailed (debug) logging", Recursive = true };

    public Option<bool> VrrpOnly { get; } = new("--vrrp", "-P") { Description = "Run only the VRRP side (modules declaring the VRRP role, and those with no role such as notify)", Recursive = true };

    public Option<bool> CheckOnly { get; } = new("--check", "-C") { Description = "Run only the virtual-server side (modules declaring virtual servers or registering checkers, and those with no role)", Recursive = true };

    public IEnumerable<Option> All => [DontFork, LogConsole, LogDetail, VrrpOnly, CheckOnly];

    public Command Build(CommonOptions common)
    {
        var command = new Command("run", "Run Vigil in the foreground (the daemon)");
        command.SetAction((result, ct) => RunAsync(result, common, ct));
        return command;
    }

    public async Task<int> RunAsync(ParseResult result, CommonOptions common, CancellationToken cancellationToken)
    {
        var bootstrap = HostBootstrap.Create(result, common, Console.Error);
        if (bootstrap is null)
        {
            return 1;
        }

        var options = bootstrap.Options;
        ModuleRoles? side = (result.GetValue(VrrpOnly), result.GetValue(CheckOnly)) switch
        {
            (true, false) => ModuleRoles.Vrrp,
            (false, true) => ModuleRoles.VirtualServers,
            _ => null,
        };

        using var loggerFactory = LoggingSetup.Create(options, bootstrap.Configuration, result.GetValue(LogDetail));
        var logger = loggerFactory.CreateLogger("Vigil.Host");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var runtime = new VigilRuntime(options, bootstrap.Configuration, loggerFactory, TimeProvider.System, side);

        using var pidFile = PidFile.TryCreate(options.ResolvedPidFile, Console.Error);
        using var meters = MetricsExporter.Start(options.Metrics, options.Instance);
        var failure = await runtime.StartAsync(stop.Token).ConfigureAwait(false);
        if (failure is not null)
        {
            Console.Error.WriteLine($"vigil: {failure}");
            return 1;
        }

        // Before the admin endpoint answers: a client that saw it answer may signal at once, and a SIGHUP arriving
        // before its handler exists would be lost.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => RequestStop(c, stop));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => RequestStop(c, stop));
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
        {
            c.Cancel = true;
            _ = Task.Run(() => runtime.ReloadAsync(stop.Token));
        });

        await using var admin = new AdminServer(
            options.ResolvedAdminSocket,
            _ => Task.FromResult<JsonNode?>(runtime.GetStatus()),
            async ct => new JsonObject { ["errors"] = new JsonArray((await runtime.ReloadAsync(ct).ConfigureAwait(false)).Select(e => (JsonNode?)e.ToString()).ToArray()) },
            new OperationDispatcher(runtime.Operations(), loggerFactory.CreateLogger<OperationDispatcher>()),
            loggerFactory.CreateLogger<AdminServer>());
        try
        {
            admin.Start();
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"vigil: admin endpoint: {e.Message}");
            await runtime.StopAsync().ConfigureAwait(false);
            return 1;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation(EventIds.HostStopping, "Stopping");
        }

        await runtime.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static void RequestStop(PosixSignalContext context, CancellationTokenSource stop)
    {
        context.Cancel = true;
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A second signal arrived while the host was already exiting.
        }
    }
}
