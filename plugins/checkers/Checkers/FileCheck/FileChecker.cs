using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers.FileCheck;

/// <summary>
/// keepalived's FILE_CHECK: the value of a global <c>track_file</c> sets the real server's weight or takes it down
/// (<see cref="FileCheckRule"/>). It has no timing keywords of its own: the file is read every delay_loop of its real
/// or virtual server. That the named track_file exists is checked by <see cref="FileCheckValidator"/>.
/// </summary>
public sealed class FileChecker(TrackFileCatalog catalog) : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "FILE_CHECK";

    /// <inheritdoc />
    /// <remarks>keepalived knows a file's state at once, so a failure counts without retries.</remarks>
    public CheckerSchema Schema { get; } = new(["track_file", "weight"], StandardCheckerOptions.None) { DefaultRetry = 0 };

    /// <inheritdoc />
    public void Validate(ConfigBlock block) => FileCheckSpec.Read(block);

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var spec = FileCheckSpec.Read(ReadBack.Block(block, Name)) ?? throw new InvalidOperationException($"{Name} block {block.Path} was not validated");
        return new FileCheck(spec, catalog, settings.Context.Weight);
    }
}
