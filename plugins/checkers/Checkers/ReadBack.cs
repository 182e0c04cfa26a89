using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>Reads again, in <c>Create</c>, a checker block validation already passed: its report is never shown.</summary>
internal static class ReadBack
{
    /// <summary>A block over <paramref name="section"/> whose issues go nowhere.</summary>
    public static ConfigBlock Block(IConfigurationSection section, string context) =>
        new(section, context, new ValidationReport(NoLocator.Instance));

    private sealed class NoLocator : IConfigLocator
    {
        public static readonly NoLocator Instance = new();

        public SourceLocation? Locate(string path) => null;
    }
}
