using Vigil.Host.Configuration.Validation;
using Vigil.Host.Plugins;
using Vigil.Testing;

namespace Vigil.Host.Tests.Configuration.Validation;

/// <summary>
/// The host's table of well-known keywords is what a disabled module's keywords are warned against; it must say what
/// the real modules claim, or a keyword would be "needs module X" with X enabled, or an error with X disabled.
/// </summary>
public sealed class KnownOwnersTests
{
    [Theory]
    [InlineData("vrrp")]
    [InlineData("notify")]
    public void NestedKeywords_AreWhatTheRealModuleClaims(string name)
    {
        var module = PluginLoaderFactory.Load(name, Path.Combine(RepoPaths.PluginsDirectory, name));

        Assert.Equal(
            Flatten(KnownOwners.NestedKeywordsOf(name)),
            Flatten(module.NestedKeywords));
    }

    [Theory]
    [InlineData("vrrp")]
    [InlineData("notify")]
    public void Sections_TheRealModuleClaims_AreKnownAsItsOwn(string name)
    {
        var module = PluginLoaderFactory.Load(name, Path.Combine(RepoPaths.PluginsDirectory, name));

        Assert.All(module.Sections, s => Assert.True(KnownOwners.SectionOwner(s) is null || KnownOwners.SectionOwner(s) == name, $"{s} is known as {KnownOwners.SectionOwner(s)}'s"));
        // Process-wide keys (script_user, enable_script_security) are the host's to validate, whoever reads them.
        Assert.All(module.GlobalKeys.Where(k => !HostGlobalKeys.Contains(k)), k => Assert.Equal(name, KnownOwners.GlobalKeyOwner(k)));
    }

    private static List<string> Flatten(IEnumerable<Vigil.Abstractions.Configuration.KeywordClaim> claims) =>
        [.. claims.SelectMany(c => c.Keywords.Select(k => $"{c.Block}/{k}")).Order(StringComparer.Ordinal)];
}
