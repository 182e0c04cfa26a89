using Vigil.Host.Options;

namespace Vigil.Host.Plugins;

/// <summary>Loads every enabled module in start order; a disabled module's assembly is never touched.</summary>
internal static class ModuleCatalog
{
    /// <summary>Loads the enabled modules; throws <see cref="ModuleLoadException"/> for the first that fails.</summary>
    public static IReadOnlyList<LoadedModule> LoadEnabled(HostOptions options, string pluginsDirectory, IReadOnlySet<string>? only = null)
    {
        var loaded = new List<LoadedModule>();
        foreach (var (name, module) in Enabled(options, only))
        {
            var folder = Path.Combine(pluginsDirectory, module.Folder ?? name);
            var entryPoint = PluginLoaderFactory.Load(name, folder);
            loaded.Add(new LoadedModule(name, entryPoint, module, folder));
        }

        return loaded;
    }

    /// <summary>Enabled modules in start order (Order, then name), optionally restricted to <paramref name="only"/>.</summary>
    public static IEnumerable<KeyValuePair<string, ModuleOptions>> Enabled(HostOptions options, IReadOnlySet<string>? only) =>
        options.Modules
            .Where(m => m.Value.Enabled && (only is null || only.Contains(m.Key)))
            .OrderBy(m => m.Value.Order)
            .ThenBy(m => m.Key, StringComparer.Ordinal);

    /// <summary>The plugins directory: host.json's, else <c>plugins</c> beside the host's folder.</summary>
    public static string ResolveDirectory(HostOptions options) =>
        !string.IsNullOrEmpty(options.Plugins.Directory)
            ? Path.GetFullPath(options.Plugins.Directory)
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "plugins"));
}
