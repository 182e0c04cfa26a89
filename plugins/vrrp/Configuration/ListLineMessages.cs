using Microsoft.Extensions.Configuration;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// How messages about one line of a list block (virtual_rules, static_routes, …) name where it is; the owning block
/// (<c>vrrp_instance VI_1</c>) is null for the top-level static_* blocks.
/// </summary>
internal static class ListLineMessages
{
    /// <summary><c>virtual_rules of vrrp_instance VI_1</c>, or <c>static_rules</c>.</summary>
    public static string Where(IConfigurationSection list, string? context) => context is null ? list.Key : $"{list.Key} of {context}";

    /// <summary>The error for a line that cannot be used.</summary>
    public static string Invalid(IConfigurationSection list, string? context, string line, string error) => context is null
        ? $"invalid {list.Key} line '{line}': {error}"
        : $"invalid {list.Key} line '{line}' in {context}: {error}";
}
