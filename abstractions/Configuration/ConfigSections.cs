using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Vigil.Abstractions.Configuration;

/// <summary>Helpers to read the shared configuration tree the same way whichever format it came from.</summary>
public static class ConfigSections
{
    /// <summary>
    /// The elements of <paramref name="section"/>: its numbered children in order when it is an array,
    /// the section itself when it is a single object or value, nothing when it is absent.
    /// </summary>
    public static IReadOnlyList<IConfigurationSection> Items(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count > 0 && children.All(c => IsIndex(c.Key)))
        {
            return children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).ToList();
        }

        return children.Count > 0 || section.Value is not null ? [section] : [];
    }

    /// <summary>
    /// The blocks written under <paramref name="written"/>, a key taken from its parent's <c>GetChildren()</c>: like
    /// <see cref="Items"/>, except that an empty block (<c>TCP_CHECK { }</c>, which the tree keeps as a key with no value and no
    /// children) is one block rather than none.
    /// </summary>
    public static IReadOnlyList<IConfigurationSection> Blocks(IConfigurationSection written)
    {
        var items = Items(written);
        return items.Count > 0 ? items : [written];
    }

    /// <summary>The string items of a list block, in order.</summary>
    public static IReadOnlyList<string> Lines(IConfigurationSection section) =>
        Items(section).Select(s => s.Value).OfType<string>().ToList();

    /// <summary>A human name for a block: its keyword and, when it has one, its <c>name</c> (<c>vrrp_instance VI_1</c>).</summary>
    public static string Describe(IConfigurationSection block, string keyword)
    {
        var name = block["name"];
        return string.IsNullOrEmpty(name) ? keyword : $"{keyword} {name}";
    }

    /// <summary>
    /// Reports every key of <paramref name="block"/> that is not in <paramref name="known"/> as an
    /// unknown keyword, and every key in <paramref name="deprecated"/> as a deprecation warning.
    /// </summary>
    public static void CheckKeywords(
        this ValidationReport report,
        IConfigurationSection block,
        string context,
        IReadOnlySet<string> known,
        IReadOnlyDictionary<string, string>? deprecated = null)
    {
        foreach (var child in block.GetChildren())
        {
            if (deprecated is not null && deprecated.TryGetValue(child.Key, out var advice))
            {
                report.Warning(child.Path, $"'{child.Key}' in {context} is deprecated: {advice}");
            }
            else if (!known.Contains(child.Key) && !(child.Key == "name" && block["name"] is not null && IsNamedBlock(block)))
            {
                report.Error(child.Path, $"unknown keyword '{child.Key}' in {context}");
            }
        }
    }

    /// <summary>
    /// Like <see cref="CheckKeywords(ValidationReport, IConfigurationSection, string, IReadOnlySet{string}, IReadOnlyDictionary{string, string}?)"/>
    /// for a block at <paramref name="blockPath"/> (<c>vrrp_instance</c>, <c>virtual_server/real_server</c>): keywords
    /// another enabled module claims there are accepted (that module validates them), and keywords of a well-known
    /// module that is not enabled are warnings naming it.
    /// </summary>
    public static void CheckKeywords(
        this ValidationReport report,
        IConfigurationSection block,
        string context,
        string blockPath,
        IReadOnlySet<string> known,
        IReadOnlyDictionary<string, string>? deprecated = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(block);
        var accepted = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        foreach (var child in block.GetChildren())
        {
            if (known.Contains(child.Key) || report.Claims.Claimant(blockPath, child.Key) is not { } claimant)
            {
                continue;
            }

            accepted.Add(child.Key);
            if (!claimant.Enabled)
            {
                report.Warning(child.Path, $"'{child.Key}' in {context} needs module '{claimant.Module}', which is not enabled; ignored");
            }
        }

        report.CheckKeywords(block, context, accepted, deprecated);
    }

    /// <summary>True for an array index key such as <c>0</c>.</summary>
    public static bool IsIndex(string key) => key.Length > 0 && key.All(char.IsAsciiDigit);

    private static bool IsNamedBlock(IConfigurationSection block) => IsIndex(block.Key);
}
