using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Vrrp.Tests.Configuration;

internal static class ConfigBuilder
{
    public static readonly Dictionary<string, string?> SeedVi1 = new()
    {
        ["global_defs:router_id"] = "node1",
        ["global_defs:vrrp_mcast_group4"] = "224.0.100.19",
        ["vrrp_instance:0:name"] = "VI_1",
        ["vrrp_instance:0:state"] = "MASTER",
        ["vrrp_instance:0:interface"] = "eno16777736",
        ["vrrp_instance:0:virtual_router_id"] = "14",
        ["vrrp_instance:0:priority"] = "100",
        ["vrrp_instance:0:advert_int"] = "1",
        ["vrrp_instance:0:authentication:auth_type"] = "PASS",
        ["vrrp_instance:0:authentication:auth_pass"] = "571f97b2",
        ["vrrp_instance:0:virtual_ipaddress:0"] = "10.1.0.93/16 dev eno16777736",
        ["vrrp_instance:0:track_script:0"] = "chk_down",
        ["vrrp_instance:0:track_script:1"] = "chk_nginx",
        ["vrrp_instance:0:notify_master"] = "/etc/keepalived/notify.sh master",
        ["vrrp_instance:0:notify_backup"] = "/etc/keepalived/notify.sh backup",
        ["vrrp_instance:0:notify_fault"] = "/etc/keepalived/notify.sh fault",
        ["vrrp_script:0:name"] = "chk_down",
        ["vrrp_script:0:script"] = "[[ -f /etc/keepalived/down ]] && exit 1 || exit 0",
        ["vrrp_script:0:interval"] = "1",
        ["vrrp_script:0:weight"] = "-5",
        ["vrrp_script:1:name"] = "chk_nginx",
        ["vrrp_script:1:script"] = "killall -0 nginx && exit 0 || exit 1",
        ["vrrp_script:1:interval"] = "1",
        ["vrrp_script:1:weight"] = "-5",
    };

    public static ClusterConfiguration Build(IDictionary<string, string?> values)
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ClusterConfiguration(root, NullLocator.Instance, []);
    }

    /// <summary>The notify module's claims inside VRRP blocks, as the host hands them to the VRRP validator when notify is enabled.</summary>
    public static KeywordClaims NotifyEnabled { get; } = new(
        Vigil.Host.Configuration.Validation.KnownOwners.NestedKeywordsOf("notify").Select(c => ("notify", true, c)));

    public static ValidationReport Validate(IDictionary<string, string?> values)
    {
        var report = new ValidationReport(NullLocator.Instance, NotifyEnabled);
        new VrrpConfigValidator().Validate(Build(values), report);
        return report;
    }

    public static Dictionary<string, string?> Seed(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(SeedVi1);
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return values.Where(p => p.Value is not null).ToDictionary();
    }

    internal sealed class NullLocator : IConfigLocator
    {
        public static readonly NullLocator Instance = new();

        public SourceLocation? Locate(string path) => null;
    }
}
