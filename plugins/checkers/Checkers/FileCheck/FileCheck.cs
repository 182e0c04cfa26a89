using System.Globalization;
using Vigil.Abstractions.Checks;
using Vigil.Linux.Tracking;

namespace Vigil.Plugins.Checkers.Checkers.FileCheck;

/// <summary>
/// One FILE_CHECK probe: reads its track_file's file as keepalived does and applies <see cref="FileCheckRule"/>. A value
/// out of range is no reading, so the last value stands (0 before the first).
/// </summary>
internal sealed class FileCheck(FileCheckSpec spec, TrackFileCatalog catalog, int configuredWeight) : IHealthCheck
{
    private long _value;

    /// <inheritdoc />
    public ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        if (catalog.Find(spec.TrackFile) is not { } file)
        {
            return ValueTask.FromResult(CheckResult.Fail(CheckFailureKind.Error, $"track_file {spec.TrackFile} is not defined"));
        }

        if (TrackFileReader.Read(file.File) is { } value)
        {
            _value = value;
        }

        var weight = spec.Weight ?? file.Weight;
        var reverse = spec.Weight is null ? file.Reverse : spec.Reverse;
        var (up, delta) = FileCheckRule.Evaluate(_value, weight, reverse);
        var text = _value.ToString(CultureInfo.InvariantCulture);
        var detail = $"track_file {file.Name} ({file.File}) value {text}";
        return ValueTask.FromResult(up
            ? CheckResult.Pass(detail, delta == 0 ? null : FileCheckRule.Weight(configuredWeight, delta))
            : CheckResult.Fail(CheckFailureKind.BadStatus, detail, (int)Math.Clamp(_value, int.MinValue, int.MaxValue)));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
