namespace Vigil.Abstractions.Modules;

/// <summary>
/// Which side of keepalived's split a module belongs to, for <c>vigil -P</c> (VRRP only) and <c>vigil -C</c> (virtual
/// servers and checkers only). A module with no role (notifications) runs under both.
/// </summary>
[Flags]
public enum ModuleRoles
{
    /// <summary>Runs whatever side is asked for.</summary>
    None = 0,

    /// <summary>keepalived's VRRP process (<c>-P</c>).</summary>
    Vrrp = 1,

    /// <summary>keepalived's checker process (<c>-C</c>): virtual servers and health checks. A module that registers an
    /// <see cref="Checks.IHealthChecker"/> has this role whether it declares it or not.</summary>
    VirtualServers = 2,
}
