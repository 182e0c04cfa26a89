namespace Vigil.Abstractions.Modules;

/// <summary>
/// Marks a plugin assembly whose code runs on a latency-critical path (a VRRP takeover, say): right after start the
/// host compiles all of its methods on a background thread, so a path that first runs during a failover does not wait
/// for the JIT. Assemblies without it are compiled as their code first runs, which keeps the resident size small.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class PrecompileAttribute : Attribute
{
}
