using System.Text;

namespace Vigil.Vrrp.Tests.Integration;

/// <summary>keepalived.conf text for the integration tests.</summary>
internal static class KeepalivedConf
{
    /// <summary>One vrrp_instance block; <paramref name="extra"/> lines go inside it.</summary>
    public static string Instance(
        int priority,
        string name = "VI_1",
        int vrid = 51,
        string vip = "10.77.0.100/24",
        int version = 3,
        string advertInt = "0.1",
        string state = "BACKUP",
        params string[] extra)
    {
        var text = new StringBuilder();
        text.AppendLine($"vrrp_instance {name} {{");
        text.AppendLine($"    state {state}");
        text.AppendLine("    interface eth0");
        text.AppendLine($"    virtual_router_id {vrid}");
        text.AppendLine($"    priority {priority}");
        text.AppendLine($"    advert_int {advertInt}");
        text.AppendLine($"    version {version}");
        foreach (var line in extra)
        {
            text.AppendLine($"    {line}");
        }

        text.AppendLine("    virtual_ipaddress {");
        text.AppendLine($"        {vip}");
        text.AppendLine("    }");
        text.AppendLine("}");
        return text.ToString();
    }
}
