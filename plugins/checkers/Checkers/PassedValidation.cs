using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>A report for re-reading a block validation already passed: it is never shown, so it needs no locations.</summary>
internal static class PassedValidation
{
    /// <summary>A fresh report that locates nothing.</summary>
    public static ValidationReport Report() => new(NoLocator.Instance);

    private sealed class NoLocator : IConfigLocator
    {
        public static readonly NoLocator Instance = new();

        public SourceLocation? Locate(string path) => null;
    }
}
