using Microsoft.Extensions.Configuration;

namespace Vigil.Plugins.Checkers.Configuration;

/// <summary>A block's keywords and values as one string, equal for equal blocks wherever they sit in the tree.</summary>
internal static class BlockFingerprint
{
    /// <summary>Every value under <paramref name="block"/> as <c>relative:path=value</c> lines, sorted.</summary>
    public static string Of(IConfigurationSection block)
    {
        var prefix = block.Path.Length + 1;
        var lines = block.AsEnumerable()
            .Where(p => p.Value is not null && p.Key.Length > block.Path.Length)
            .Select(p => $"{p.Key[prefix..]}={p.Value}")
            .Order(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }
}
