using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>What one <see cref="GroupRunner"/> runs: a sync group's members, or one standalone instance.</summary>
/// <param name="Name">The group's or instance's name.</param>
/// <param name="SyncGroup">The sync group name, or null.</param>
/// <param name="Members">The instances.</param>
/// <param name="Fingerprint">The configuration text it was built from; equal fingerprints survive a reload untouched.</param>
internal sealed record EngineUnit(string Name, string? SyncGroup, IReadOnlyList<VrrpInstanceOptions> Members, string Fingerprint)
{
    /// <summary>The key runners are found by across reloads.</summary>
    public string Key => SyncGroup is null ? $"instance {Name}" : $"group {Name}";
}
