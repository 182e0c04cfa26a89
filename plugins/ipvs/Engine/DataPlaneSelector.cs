using Microsoft.Extensions.Logging;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>Picks the data plane <c>data_plane</c> asks for, or under <c>auto</c> the first that can run here, and says why.</summary>
internal sealed partial class DataPlaneSelector
{
    private static readonly string[] AutoOrder = ["nftables", "ipvs", "userspace"];

    private readonly IReadOnlyDictionary<string, IDataPlaneProvider> _providers;
    private readonly ILogger<DataPlaneSelector> _logger;

    /// <summary>Creates the selector over every registered provider.</summary>
    public DataPlaneSelector(IEnumerable<IDataPlaneProvider> providers, ILogger<DataPlaneSelector> logger)
    {
        _providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>The provider for <paramref name="choice"/>; throws <see cref="DataPlaneException"/> naming why none can run.</summary>
    public IDataPlaneProvider Select(DataPlaneChoice choice)
    {
        if (choice != DataPlaneChoice.Auto)
        {
            var name = choice.ToString().ToLowerInvariant();
            if (!_providers.TryGetValue(name, out var provider))
            {
                throw new DataPlaneException($"data_plane {name} is not available in this build (planes: {string.Join(", ", _providers.Keys)})");
            }

            var why = provider.Unavailable();
            if (why is not null)
            {
                throw new DataPlaneException($"data_plane {name} cannot run here: {why}");
            }

            LogChosen(name, "data_plane asks for it");
            return provider;
        }

        var skipped = new List<string>();
        foreach (var name in AutoOrder)
        {
            if (!_providers.TryGetValue(name, out var provider))
            {
                continue;
            }

            var why = provider.Unavailable();
            if (why is null)
            {
                LogChosen(name, skipped.Count == 0 ? "data_plane auto: the first choice is available" : $"data_plane auto: {string.Join("; ", skipped)}");
                return provider;
            }

            skipped.Add($"{name} unavailable ({why})");
        }

        throw new DataPlaneException($"no data plane can run here: {string.Join("; ", skipped)}");
    }

    /// <summary>The reasons the plane cannot run some of <paramref name="table"/>'s services, one line each naming the service and where it is declared.</summary>
    public static IReadOnlyList<string> Unsupported(IDataPlane plane, VirtualServerTable table) =>
        table.VirtualServers
            .Select(vs => (vs, why: plane.Unsupported(vs)))
            .Where(x => x.why is not null)
            .Select(x => $"{x.vs.Location?.ToString() ?? "?"}: virtual_server {x.vs.Key}: {x.why} (data_plane {plane.Name})")
            .ToList();

    [LoggerMessage(EventId = 9010, Level = LogLevel.Information, Message = "data plane {Plane}: {Why}")]
    private partial void LogChosen(string plane, string why);
}
