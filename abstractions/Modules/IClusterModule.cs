using Autofac;
using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Modules;

/// <summary>
/// A Vigil plugin's entry point. The host finds one public implementation with a parameterless
/// constructor in each plugin assembly, asks it to register its services into the shared Autofac
/// container, then starts modules in host.json order and stops them in reverse.
/// </summary>
public interface IClusterModule
{
    /// <summary>The module's name as host.json's <c>Modules</c> section and <c>vigil status</c> spell it, e.g. <c>vrrp</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Top-level cluster-configuration sections this module handles (keepalived keywords such as
    /// <c>vrrp_instance</c>). A section no enabled module claims is reported as a warning.
    /// </summary>
    IReadOnlyCollection<string> Sections { get; }

    /// <summary>Keys inside <c>global_defs</c> this module reads; any key no enabled module claims is an error.</summary>
    IReadOnlyCollection<string> GlobalKeys { get; }

    /// <summary>
    /// Keywords this module handles inside blocks other modules own (notify's <c>notify_master</c> inside
    /// <c>vrrp_instance</c>). The owner accepts them and this module validates them. Two modules claiming one keyword in
    /// one block, like two claiming one section, is a load error naming both. Defaults to none.
    /// </summary>
    IReadOnlyCollection<KeywordClaim> NestedKeywords => [];

    /// <summary>
    /// Top-level sections this module reads alongside other modules (keepalived's <c>track_file</c>, which both VRRP and
    /// the checkers follow). Any number of modules may share one; each validates it the same way, and a shared section is
    /// handled while any module sharing it is enabled. Not also listed in <see cref="Sections"/>. Defaults to none.
    /// </summary>
    IReadOnlyCollection<string> SharedSections => [];

    /// <summary>Which side of <c>-P</c>/<c>-C</c> the module runs on. Defaults to <see cref="ModuleRoles.None"/> (both).</summary>
    ModuleRoles Roles => ModuleRoles.None;

    /// <summary>
    /// Registers the module's services. Must have no side effects beyond registration:
    /// <c>vigil check-config</c> builds the container without starting anything.
    /// Register an <see cref="IConfigValidator"/> to take part in validation.
    /// </summary>
    void Register(ContainerBuilder builder, ModuleContext context);

    /// <summary>
    /// Starts the module with the validated cluster configuration. The module's state and runtime directories
    /// (<see cref="ModuleContext"/>) exist by now, mode 0700.
    /// </summary>
    Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a new, already validated configuration. The module changes only what differs:
    /// anything unchanged keeps running undisturbed.
    /// </summary>
    Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken);

    /// <summary>Stops the module, releasing what it holds on the host (addresses, rules, sockets).</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
