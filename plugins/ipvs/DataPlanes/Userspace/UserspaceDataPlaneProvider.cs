using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// Provides the user-space forwarder. It needs nothing from the kernel beyond sockets, so it can always run: the last
/// choice of <c>data_plane auto</c>.
/// </summary>
/// <param name="time">The clock for persistence, lblc/lblcr tables, connect and UDP idle timeouts.</param>
/// <param name="loggers">Where the planes log.</param>
public sealed class UserspaceDataPlaneProvider(TimeProvider time, ILoggerFactory loggers) : IDataPlaneProvider
{
    /// <summary>The name <c>data_plane</c> spells.</summary>
    public const string PlaneName = "userspace";

    /// <inheritdoc />
    public string Name => PlaneName;

    /// <summary>Settings the tests vary (splice off, short timeouts).</summary>
    internal ForwarderSettings Settings { get; init; } = ForwarderSettings.Default;

    /// <inheritdoc />
    public string? Unavailable() => null;

    /// <inheritdoc />
    public IDataPlane Create() => new UserspaceDataPlane(time, loggers, Settings);
}
