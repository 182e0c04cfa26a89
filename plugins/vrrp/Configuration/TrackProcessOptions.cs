namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>A <c>track_process</c> block.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Process">The process name, optionally followed by the parameters to match (keepalived's <c>process</c> line).</param>
/// <param name="Parameters">param_match: how parameters match (exact, partial or initial); null means exact.</param>
/// <param name="Weight">Priority change; 0 (the default) means "not running" is FAULT.</param>
/// <param name="Reverse">weight ... reverse.</param>
/// <param name="Quorum">Minimum number of processes. Defaults to 1.</param>
/// <param name="QuorumMax">Maximum number of processes, or null.</param>
/// <param name="Delay">Seconds to wait before acting on a change. Defaults to 0.</param>
internal sealed record TrackProcessOptions(
    string Name, string Process, string? Parameters = null, int Weight = 0, bool Reverse = false, int Quorum = 1, int? QuorumMax = null, decimal Delay = 0);
