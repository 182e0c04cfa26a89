using Autofac;
using Autofac.Core;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Modules;
using Vigil.Host.Plugins;

namespace Vigil.Host.Runtime;

/// <summary>
/// keepalived's <c>-P</c> and <c>-C</c>: which enabled modules run on one side, decided by what the modules declare
/// (<see cref="IClusterModule.Roles"/>) and register (a module that registers a checker is on the virtual-server side),
/// never by module names.
/// </summary>
internal static class ModuleSelection
{
    /// <summary>
    /// The modules of <paramref name="side"/> and those with no role. <paramref name="registrations"/> is a container
    /// built from all of <paramref name="modules"/>; only its registrations are read, nothing is resolved from it, so the
    /// caller may drop it without disposing anything a module handed it.
    /// </summary>
    public static IReadOnlyList<LoadedModule> Select(IReadOnlyList<LoadedModule> modules, ModuleRoles side, IComponentContext registrations)
    {
        var attribution = new ModuleAttribution(modules);
        var checkerOwners = registrations.ComponentRegistry.Registrations
            .Where(r => r.Services.OfType<IServiceWithType>().Any(s => s.ServiceType == typeof(IHealthChecker)))
            .Select(r => attribution.Of(r.Activator.LimitType))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return modules.Where(m =>
        {
            var roles = m.Module.Roles | (checkerOwners.Contains(m.Name) ? ModuleRoles.VirtualServers : ModuleRoles.None);
            return roles == ModuleRoles.None || (roles & side) != 0;
        }).ToList();
    }
}
