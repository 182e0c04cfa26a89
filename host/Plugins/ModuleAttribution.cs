using System.Runtime.Loader;

namespace Vigil.Host.Plugins;

/// <summary>
/// Tells which module a component came from, by the load context of its type's assembly: each plugin has a context of
/// its own, so anything a plugin registers (its own types and those of its private libraries) is traced back to it.
/// Used to name both modules when two register the same checker, operation or section.
/// </summary>
internal sealed class ModuleAttribution
{
    private readonly Dictionary<AssemblyLoadContext, string> _byContext = [];

    public ModuleAttribution(IEnumerable<LoadedModule> modules)
    {
        foreach (var module in modules)
        {
            if (AssemblyLoadContext.GetLoadContext(module.Module.GetType().Assembly) is { } context && context != AssemblyLoadContext.Default)
            {
                _byContext.TryAdd(context, module.Name);
            }
        }
    }

    /// <summary>The module that registered <paramref name="component"/>; <c>host</c> for the host's own (and in-process test) types.</summary>
    public string Of(object component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Of(component.GetType());
    }

    /// <summary>The module whose load context holds <paramref name="type"/>; <c>host</c> for the default context.</summary>
    public string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var context = AssemblyLoadContext.GetLoadContext(type.Assembly);
        return context is not null && _byContext.TryGetValue(context, out var module) ? module : "host";
    }
}
