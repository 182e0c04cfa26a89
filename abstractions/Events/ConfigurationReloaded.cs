namespace Vigil.Abstractions.Events;

/// <summary>The host applied a new cluster configuration (published after every module has applied it).</summary>
/// <param name="Files">The files read.</param>
public sealed record ConfigurationReloaded(IReadOnlyList<string> Files) : ClusterEvent;
