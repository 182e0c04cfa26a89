using System.Reflection;
using Autofac;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Abstractions.Modules;

namespace Vigil.Host.Plugins;

/// <summary>Finds a module's entry point in its plugin folder and loads it in a load context of its own.</summary>
internal static class PluginLoaderFactory
{
    /// <summary>
    /// Loads <paramref name="module"/> from <paramref name="folder"/>. Every assembly the host has (abstractions,
    /// Microsoft.Extensions, Autofac) resolves from the default context (<see cref="PluginConfig.PreferSharedTypes"/>), so
    /// the plugin's <see cref="IClusterModule"/> is the host's; anything else comes from the plugin's folder.
    /// </summary>
    /// <remarks>
    /// No <c>sharedTypes</c> list is handed to McMaster: it loads the whole reference closure of each such type into the
    /// default context at start (System.Net.Http, System.Private.Xml, Quic, … about 15 MB of RSS the daemon never uses),
    /// while <see cref="PluginConfig.PreferSharedTypes"/> gives the same sharing lazily.
    /// </remarks>
    public static IClusterModule Load(string module, string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ModuleLoadException(module, $"plugin folder {folder} not found");
        }

        var assemblyPath = FindMainAssembly(module, folder);
        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(
                assemblyPath,
                config =>
                {
                    // Plugins are never unloaded: configuration reloads, assemblies do not.
                    config.IsUnloadable = false;
                    config.PreferSharedTypes = true;
                });
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or InvalidOperationException)
        {
            throw new ModuleLoadException(module, $"cannot load {assemblyPath}: {e.Message}", e);
        }

        return CreateEntryPoint(module, assembly, assemblyPath);
    }

    private static string FindMainAssembly(string module, string folder)
    {
        var byName = Path.Combine(folder, module + ".dll");
        if (File.Exists(byName))
        {
            return byName;
        }

        // A plugin built with EnableDynamicLoading has exactly one deps.json, named after its main assembly.
        var deps = Directory.GetFiles(folder, "*.deps.json");
        if (deps.Length == 1)
        {
            var candidate = Path.Combine(folder, Path.GetFileName(deps[0])[..^".deps.json".Length] + ".dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ModuleLoadException(module, $"no plugin assembly in {folder} (expected {module}.dll or exactly one *.deps.json beside its assembly)");
    }

    private static IClusterModule CreateEntryPoint(string module, Assembly assembly, string path)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            var cause = e is ReflectionTypeLoadException r ? r.LoaderExceptions.FirstOrDefault()?.Message ?? e.Message : e.Message;
            throw new ModuleLoadException(module, $"cannot load types from {path}: {cause}", e);
        }

        var entryPoints = types.Where(t => typeof(IClusterModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        if (entryPoints.Count != 1)
        {
            throw new ModuleLoadException(module, $"{path} must export exactly one IClusterModule implementation, found {entryPoints.Count}");
        }

        IClusterModule instance;
        try
        {
            instance = (IClusterModule)Activator.CreateInstance(entryPoints[0])!;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or TypeLoadException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner.Message : e.Message;
            throw new ModuleLoadException(module, $"cannot create {entryPoints[0].FullName}: {cause}", e);
        }

        if (!string.Equals(instance.Name, module, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModuleLoadException(module, $"{path} declares module '{instance.Name}', not '{module}'");
        }

        return instance;
    }
}
