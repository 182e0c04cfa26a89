using System.Globalization;
using System.Net;
using System.Runtime.Loader;
using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;

namespace Vigil.TestPlugins.HttpEcho;

/// <summary>
/// A plugin with an HTTP server of its own: Kestrel on 127.0.0.1 and the port from host.json
/// <c>Modules:httpecho:Port</c>; <c>GET /hello</c> says which load context the Kestrel assembly came from.
/// </summary>
public sealed class HttpEchoModule : IClusterModule
{
    private int _port;
    private WebApplication? _app;

    public string Name => "httpecho";

    public IReadOnlyCollection<string> Sections => [];

    public IReadOnlyCollection<string> GlobalKeys => [];

    public void Register(ContainerBuilder builder, ModuleContext context)
    {
        var text = context.Settings["Port"];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _port) || _port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Modules:{context.ModuleName}:Port must be a TCP port (1-65535), got '{text}'");
        }
    }

    public async Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings.json or ASPNETCORE_ variables: the port is this module's setting alone.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = Name });
        // Kestrel logs through the daemon's factory, so its lines reach the console, the journal and syslog like the host's.
        builder.Services.Replace(ServiceDescriptor.Singleton(services.Resolve<ILoggerFactory>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, HostOwnedLifetime>());
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        var app = builder.Build();
        app.MapGet("/hello", Hello);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"cannot listen on 127.0.0.1:{_port}: {e.InnerException?.Message ?? e.Message}", e);
        }

        _app = app;
    }

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return;
        }

        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _app = null;
    }

    private string Hello()
    {
        var kestrel = typeof(KestrelServerOptions).Assembly;
        var own = AssemblyLoadContext.GetLoadContext(typeof(HttpEchoModule).Assembly)!;
        var privateCopies = own.Assemblies.Count(a => a.GetName().Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        return $"module: {Name}\n"
            + $"kestrel: {AssemblyLoadContext.GetLoadContext(kestrel)?.Name} {kestrel.Location}\n"
            + $"aspnetcore in plugin context: {privateCopies}\n";
    }
}
