using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Modules;
using Vigil.Host.Options;
using Vigil.Host.Runtime;

namespace Vigil.Host.Tests.Support;

/// <summary>An in-process <see cref="VigilRuntime"/> over a given plugins directory, modules and cluster configuration.</summary>
internal static class RuntimeHarness
{
    public static VigilRuntime Create(string pluginsDirectory, string clusterFile, params string[] enabledModules) =>
        Create(pluginsDirectory, clusterFile, enabledModules, new Dictionary<string, string?>());

    public static VigilRuntime Create(string pluginsDirectory, string clusterFile, string[] enabledModules, IDictionary<string, string?> extra, ModuleRoles? side = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Plugins:Directory"] = pluginsDirectory,
            ["Cluster:ConfigFile"] = clusterFile,
            ["Metrics:Enabled"] = "false",
            ["Instance"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["StateDirectory"] = Path.Combine(Path.GetTempPath(), "vigil-test-state-" + Guid.NewGuid().ToString("N")[..8]),
            ["RuntimeDirectory"] = Path.Combine(Path.GetTempPath(), "vigil-test-run-" + Guid.NewGuid().ToString("N")[..8]),
        };
        var order = 10;
        foreach (var module in enabledModules)
        {
            settings[$"Modules:{module}:Enabled"] = "true";
            settings[$"Modules:{module}:Order"] = (order += 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = HostConfigurationFactory.Bind(configuration);
        return new VigilRuntime(options, configuration, NullLoggerFactory.Instance, TimeProvider.System, side);
    }

    /// <summary>A cluster configuration file with nothing in it but a router id.</summary>
    public static string EmptyClusterFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-empty-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, "global_defs {\n    router_id test\n}\n");
        return path;
    }
}
