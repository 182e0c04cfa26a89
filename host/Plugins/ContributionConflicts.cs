using Autofac;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Notifications;
using Vigil.Abstractions.Operations;

namespace Vigil.Host.Plugins;

/// <summary>
/// Finds what two modules both claim — a section, a <c>global_defs</c> key, a nested keyword, a checker, an operation
/// or its command words, a notification channel, a configuration source — once the container is built and before any
/// module starts. The first claimant never silently wins: each conflict names both modules.
/// </summary>
internal static class ContributionConflicts
{
    /// <summary>Throws <see cref="ModuleLoadException"/> listing every conflict, if there is any.</summary>
    public static void Verify(IReadOnlyList<LoadedModule> modules, IComponentContext services)
    {
        var conflicts = Find(modules, services);
        if (conflicts.Count > 0)
        {
            throw ModuleLoadException.Conflicts(conflicts);
        }
    }

    public static IReadOnlyList<string> Find(IReadOnlyList<LoadedModule> modules, IComponentContext services)
    {
        var attribution = new ModuleAttribution(modules);
        var conflicts = new List<string>();
        // Modules sharing a section do not conflict with each other, only with a module that owns it outright.
        var shared = modules.SelectMany(m => m.Module.SharedSections.Select(s => (m.Name, s))).DistinctBy(c => c.s, StringComparer.OrdinalIgnoreCase);
        Collect(conflicts, "section", modules.SelectMany(m => m.Module.Sections.Select(s => (m.Name, s))).Concat(shared));
        Collect(conflicts, "global_defs key", modules.SelectMany(m => m.Module.GlobalKeys.Select(k => (m.Name, k))));
        Collect(conflicts, "keyword", modules.SelectMany(m => m.Module.NestedKeywords.SelectMany(c => c.Keywords.Select(k => (m.Name, $"{k}' in '{c.Block.Trim('/')}")))));
        Collect(conflicts, "checker", services.Resolve<IEnumerable<IHealthChecker>>().Select(c => (attribution.Of(c), c.Name)));
        Collect(conflicts, "notification channel", services.Resolve<IEnumerable<INotificationChannel>>().Select(c => (attribution.Of(c), c.Name)));
        Collect(conflicts, "configuration source", services.Resolve<IEnumerable<IConfigFileSource>>().Select(s => (attribution.Of(s), s.Name)));
        var operations = services.Resolve<IEnumerable<IOperation>>().Select(o => (Module: attribution.Of(o), o.Descriptor)).ToList();
        Collect(conflicts, "operation", operations.Select(o => (o.Module, o.Descriptor.Name)));
        Collect(conflicts, "command", operations.Where(o => o.Descriptor.Command is { Count: > 0 }).Select(o => (o.Module, string.Join(' ', o.Descriptor.Command!))));
        return conflicts;
    }

    private static void Collect(List<string> conflicts, string what, IEnumerable<(string Module, string Name)> claims)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (module, name) in claims)
        {
            if (!owners.TryAdd(name, module))
            {
                var first = owners[name];
                conflicts.Add(first == module
                    ? $"module '{module}' registers {what} '{name}' twice"
                    : $"modules '{first}' and '{module}' both register {what} '{name}'");
            }
        }
    }
}
