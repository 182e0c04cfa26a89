using System.Diagnostics.Metrics;

namespace Vigil.Host.Metrics;

/// <summary>The host's own <see cref="System.Diagnostics.Metrics.Meter"/>; modules create theirs, named <c>Vigil.&lt;Module&gt;</c>.</summary>
internal sealed class HostMeter : IDisposable
{
    public const string Name = "Vigil.Host";

    public Meter Meter { get; } = new(Name);

    public void Dispose() => Meter.Dispose();
}
