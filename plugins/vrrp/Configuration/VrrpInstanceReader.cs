using System.Net;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Parses one vrrp_instance block and reports what is wrong in it (cross-block checks are in the reader).</summary>
internal static class VrrpInstanceReader
{
    /// <summary>Parses <paramref name="block"/>.</summary>
    public static VrrpInstanceOptions Read(IConfigurationSection block, VrrpGlobalOptions global, ValidationReport report)
    {
        var name = block["name"] ?? "";
        var context = ConfigSections.Describe(block, "vrrp_instance");
        var values = new ConfigBlock(block, context, report);
        report.CheckKeywords(block, context, "vrrp_instance", VrrpKeywords.Instance);

        var version = ReadVersion(values, global.Version);
        var addresses = ReadAddresses(values, "virtual_ipaddress");
        var ipv6 = addresses.Count > 0 && addresses[0].IsIpv6;
        var other = addresses.Where(a => a.IsIpv6 != ipv6).ToList();
        foreach (var address in other)
        {
            report.Warning(values.Path("virtual_ipaddress"),
                $"virtual_ipaddress {address.Address} is not the address family of {context} and is treated as virtual_ipaddress_excluded");
        }

        if (ipv6 && version == 2)
        {
            report.Warning(values.Path("version"), $"IPv6 needs VRRP version 3; using version 3 in {context}");
            version = 3;
        }

        var options = new VrrpInstanceOptions
        {
            Name = name,
            Path = block.Path,
            InitialState = ReadState(values),
            Interface = Required(values, "interface") ?? "",
            VirtualRouterId = Required(values, "virtual_router_id") is null ? 0 : values.Int("virtual_router_id", 1, 255) ?? 0,
            Priority = values.Int("priority", 1, 255) ?? 100,
            Version = version,
            AdvertInt = ReadAdvertInt(values, version),
            Authentication = ReadAuthentication(block.GetSection("authentication"), context, version, report),
            VirtualAddresses = addresses.Except(other).ToList(),
            ExcludedAddresses = [.. ReadAddresses(values, "virtual_ipaddress_excluded"), .. other],
            VirtualRoutes = ConfigSections.Lines(block.GetSection("virtual_routes")),
            TrackInterfaces = TrackReferenceParser.Read(values, "track_interface"),
            TrackScripts = TrackReferenceParser.Read(values, "track_script"),
            TrackFiles = TrackReferenceParser.Read(values, "track_file"),
            TrackProcesses = TrackReferenceParser.Read(values, "track_process"),
            TrackVirtualServers = TrackedVirtualServers.Read(values, context),
            Preempt = !values.Flag("nopreempt"),
            HigherPrioritySendAdvert = values.Flag("higher_prio_send_advert", absent: true),
            PreemptDelay = values.Seconds("preempt_delay", 0, 1000) ?? 0,
            GarpMasterDelay = values.Int("garp_master_delay", 0, 1000),
            GarpMasterRepeat = values.Int("garp_master_repeat", 1, 1000),
            GarpMasterRefresh = values.Int("garp_master_refresh", 0, 1000000),
            GarpMasterRefreshRepeat = values.Int("garp_master_refresh_repeat", 1, 1000),
            UseVmac = block["use_vmac"] is not null,
            VmacName = block["use_vmac"] is { } vmac && vmac != "true" ? vmac : null,
            VmacXmitBase = values.Flag("vmac_xmit_base"),
            UnicastSourceIp = ReadAddress(values, "unicast_src_ip"),
            McastSourceIp = ReadAddress(values, "mcast_src_ip"),
            UnicastPeers = ReadPeers(values),
            DontTrackPrimary = values.Flag("dont_track_primary"),
            Accept = values.Flag("no_accept") ? false : values.Flag("accept") ? true : null,
            SkipCheckAdvAddr = values.Flag("skip_check_adv_addr") || global.SkipCheckAdvAddr,
            CheckUnicastSrc = values.Flag("check_unicast_src") || global.CheckUnicastSrc,
            Debug = values.Int("debug", 0, 4),
        };

        if (!options.Preempt && options.InitialState == VrrpState.Master)
        {
            report.Warning(values.Path("nopreempt"), $"nopreempt does not work with state MASTER in {context}");
        }

        return options;
    }

    private static string? Required(ConfigBlock values, string key)
    {
        var value = values.String(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            values.Report.Error(values.Section.Path, $"missing {key} in {values.Context}");
            return null;
        }

        return value;
    }

    private static VrrpState ReadState(ConfigBlock values) => values.String("state") switch
    {
        null or "BACKUP" => VrrpState.Backup,
        "MASTER" => VrrpState.Master,
        var other => Report(values, "state", $"state must be MASTER or BACKUP in {values.Context} (got '{other}')", VrrpState.Backup),
    };

    private static int ReadVersion(ConfigBlock values, int fallback) => values.String("version") switch
    {
        null => fallback,
        "2" => 2,
        "3" => 3,
        var other => Report(values, "version", $"version must be 2 or 3 in {values.Context} (got '{other}')", fallback),
    };

    private static decimal ReadAdvertInt(ConfigBlock values, int version)
    {
        var max = version == 2 ? 255m : VrrpCodec.MaxV3Interval / 100m;
        var value = values.Seconds("advert_int", 0.01m, max);
        if (value is null)
        {
            return 1;
        }

        var text = values.String("advert_int");
        if (version == 2 && value != decimal.Truncate(value.Value))
        {
            return Report(values, "advert_int", $"advert_int {text} must be a whole number of seconds with version 2 in {values.Context}", 1m);
        }

        if (value * 100 != decimal.Truncate(value.Value * 100))
        {
            return Report(values, "advert_int", $"advert_int {text} must be a multiple of 0.01 in {values.Context}", 1m);
        }

        return value.Value;
    }

    private static VrrpAuthentication? ReadAuthentication(IConfigurationSection section, string context, int version, ValidationReport report)
    {
        if (!section.Exists())
        {
            return null;
        }

        report.CheckKeywords(section, $"authentication of {context}", VrrpKeywords.Authentication);
        if (version == 3)
        {
            report.Warning(section.Path, $"authentication is ignored with version 3 in {context}");
            return null;
        }

        var type = section["auth_type"] switch
        {
            "PASS" => VrrpAuthType.Pass,
            "AH" => VrrpAuthType.Ah,
            null => Fail($"missing auth_type in authentication of {context}"),
            var other => Fail($"auth_type must be PASS or AH in {context} (got '{other}')"),
        };
        var password = section["auth_pass"] ?? "";
        if (password.Length == 0)
        {
            report.Error(section.Path, $"missing auth_pass in authentication of {context}");
        }
        else if (password.Length > 8)
        {
            report.Warning(ConfigurationPath.Combine(section.Path, "auth_pass"), $"auth_pass longer than 8 characters is truncated to 8 in {context}");
        }

        return type == VrrpAuthType.None ? null : new VrrpAuthentication(type, password);

        VrrpAuthType Fail(string message)
        {
            report.Error(ConfigurationPath.Combine(section.Path, "auth_type"), message);
            return VrrpAuthType.None;
        }
    }

    private static List<VirtualAddress> ReadAddresses(ConfigBlock values, string key)
    {
        var result = new List<VirtualAddress>();
        foreach (var item in ConfigSections.Items(values.Section.GetSection(key)))
        {
            if (item.Value is not { } line)
            {
                continue;
            }

            var address = VirtualAddress.TryParse(line, out var bad);
            if (address is null)
            {
                values.Report.Error(item.Path, $"invalid address '{bad}' in {key} of {values.Context}");
            }
            else
            {
                result.Add(address);
            }
        }

        return result;
    }

    private static IPAddress? ReadAddress(ConfigBlock values, string key)
    {
        if (values.String(key) is not { } text)
        {
            return null;
        }

        if (!VirtualAddress.TryParseAddress(text, out var address))
        {
            values.Report.Error(values.Path(key), $"invalid {key} '{text}' in {values.Context}");
        }

        return address;
    }

    private static IReadOnlyList<IPAddress> ReadPeers(ConfigBlock values)
    {
        var result = new List<IPAddress>();
        foreach (var item in ConfigSections.Items(values.Section.GetSection("unicast_peer")))
        {
            var text = item.Value?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            if (VirtualAddress.TryParseAddress(text, out var address))
            {
                result.Add(address!);
            }
            else
            {
                values.Report.Error(item.Path, $"invalid address '{text}' in unicast_peer of {values.Context}");
            }
        }

        return result;
    }

    private static T Report<T>(ConfigBlock values, string key, string message, T fallback)
    {
        values.Report.Error(values.Path(key), message);
        return fallback;
    }

    /// <summary>advert_int in milliseconds.</summary>
    public static long AdvertIntMs(VrrpInstanceOptions options) => (long)(options.AdvertInt * 1000m);
}
