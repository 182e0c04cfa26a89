using System.Text.Json.Nodes;
using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.Status;

namespace Vigil.TestPlugins.KvConf;

/// <summary>
/// A third-party plugin exercising the plugin contracts: its own configuration file format, operations with typed
/// arguments and a declared subcommand, and its private directories. Its status shows what it applied.
/// </summary>
public sealed class KvModule : IClusterModule, IStatusSource
{
    private ModuleContext? _context;
    private IReadOnlyDictionary<string, string> _values = new Dictionary<string, string>();
    private int _reloads;

    public string Name => "kvconf";

    public string Module => Name;

    public IReadOnlyCollection<string> Sections => [];

    public IReadOnlyCollection<string> GlobalKeys => [];

    /// <summary>The values the running module applied.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public void Register(ContainerBuilder builder, ModuleContext context)
    {
        _context = context;
        builder.RegisterInstance(new KvFileSource(context.Settings["File"])).As<IConfigFileSource>();
        builder.RegisterInstance(this).As<IStatusSource>().ExternallyOwned();
        builder.RegisterInstance(new KvGetOperation(this)).As<IOperation>();
        builder.RegisterInstance(new KvSumOperation()).As<IOperation>();
        builder.RegisterInstance(new KvCountTool()).As<Vigil.Abstractions.Tools.ICommandLineTool>();
    }

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        Apply(configuration);
        return Task.CompletedTask;
    }

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        _reloads++;
        Apply(configuration);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public JsonObject GetStatus()
    {
        var values = new JsonObject();
        foreach (var (key, value) in _values)
        {
            values[key] = value;
        }

        return new JsonObject
        {
            ["values"] = values,
            ["reloads"] = _reloads,
            ["stateDirectoryMode"] = Mode(_context?.StateDirectory),
            ["runtimeDirectoryMode"] = Mode(_context?.RuntimeDirectory),
        };
    }

    private static string Mode(string? directory) =>
        directory is not null && Directory.Exists(directory) ? Convert.ToString((int)File.GetUnixFileMode(directory), 8) : "missing";

    private void Apply(ClusterConfiguration configuration) =>
        _values = configuration.Document<Dictionary<string, string>>(KvFileSource.DocumentName) ?? new Dictionary<string, string>();
}
