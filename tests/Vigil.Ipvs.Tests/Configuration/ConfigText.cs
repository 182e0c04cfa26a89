using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Host.Configuration;
using Vigil.Host.Configuration.Validation;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Ipvs.Tests.Configuration;

/// <summary>Loads keepalived.conf text through the host's real parser and reads it as the module does.</summary>
internal static class ConfigText
{
    public static (VirtualServerTable Table, IReadOnlyList<string> Issues) Read(string text, params IHealthChecker[] checkers)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-vs-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        try
        {
            var load = ClusterConfigLoader.Load(path, "node1");
            Assert.DoesNotContain(load.Issues, i => i.Severity == ConfigSeverity.Error);
            var configuration = load.Configuration!;
            // The claims the host builds when only this module is enabled: other modules' keywords are warnings.
            var claims = new KeywordClaims(KnownOwners.NestedClaimsOutside(new HashSet<string> { "ipvs" }).Select(n => (n.Module, false, n.Claim)));
            var report = new ValidationReport(configuration.Locator, claims);
            var table = VirtualServerConfigReader.Read(configuration, report, checkers);
            return (table, report.Sorted().Select(i => i.ToString().Replace(path, "f.conf", StringComparison.Ordinal)).ToList());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
