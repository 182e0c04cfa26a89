using Microsoft.Extensions.Configuration;

namespace Vigil.Abstractions.Modules;

/// <summary>What the host tells a module while it registers its services.</summary>
/// <param name="ModuleName">The module's name as enabled in host.json.</param>
/// <param name="Settings">The module's own host.json section, <c>Modules:&lt;name&gt;</c>.</param>
/// <param name="InstanceName">
/// This Vigil instance's name; several instances may share one machine (one per network namespace),
/// so anything a module writes to disk is named after it or placed under <paramref name="StateDirectory"/>.
/// </param>
/// <param name="StateDirectory">
/// A directory private to this instance and module for persistent state (leases, say); the host creates it, mode 0700,
/// before the module starts (not for <c>vigil check-config</c>).
/// </param>
/// <param name="RuntimeDirectory">A directory private to this instance and module for runtime files (fifos, sockets); created like <paramref name="StateDirectory"/>.</param>
public sealed record ModuleContext(
    string ModuleName,
    IConfiguration Settings,
    string InstanceName,
    string StateDirectory,
    string RuntimeDirectory);
