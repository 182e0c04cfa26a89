using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Tests.Support;

/// <summary>A locator that knows the lines of the paths it is given, and nothing else.</summary>
internal sealed class MapLocator(params (string Path, int Line)[] lines) : IConfigLocator
{
    public const string File = "/etc/keepalived/keepalived.conf";

    private readonly Dictionary<string, int> _lines = lines.ToDictionary(l => l.Path, l => l.Line, StringComparer.OrdinalIgnoreCase);

    public static MapLocator None { get; } = new();

    public SourceLocation? Locate(string path) => _lines.TryGetValue(path, out var line) ? new SourceLocation(File, line) : null;
}
