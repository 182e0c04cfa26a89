using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Configuration;

/// <summary>Validates the checkers' <c>global_defs</c> flags.</summary>
internal sealed class CheckerGlobalsValidator : IConfigValidator
{
    /// <inheritdoc />
    public void Validate(ClusterConfiguration configuration, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var block = new ConfigBlock(configuration.Section("global_defs"), "global_defs", report);
        foreach (var flag in CheckerOptions.Flags)
        {
            block.OptionalFlag(flag);
        }
    }
}
