using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Linux.Tracking;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Reads the top-level tracking blocks: vrrp_script, track_file (vrrp_track_file), track_process.</summary>
internal static class VrrpTrackReader
{
    /// <summary>Parses one vrrp_script block.</summary>
    public static VrrpScriptOptions? Script(IConfigurationSection block, ValidationReport report)
    {
        var context = ConfigSections.Describe(block, "vrrp_script");
        var values = new ConfigBlock(block, context, report);
        report.CheckKeywords(block, context, VrrpKeywords.Script);
        var script = values.String("script");
        if (string.IsNullOrWhiteSpace(script))
        {
            report.Error(block.Path, $"missing script in {context}");
        }

        var interval = values.Seconds("interval", 0.001m, 86400) ?? 1;
        var (weight, reverse) = TrackReferenceParser.Weight(values, 0);
        return new VrrpScriptOptions(
            block["name"] ?? "",
            script ?? "",
            interval,
            values.Seconds("timeout", 0.001m, 86400),
            weight,
            reverse,
            values.Int("rise", 1, 1000000) ?? 1,
            values.Int("fall", 1, 1000000) ?? 1,
            values.String("user"),
            values.Flag("init_fail"));
    }

    /// <summary>Parses one track_file block.</summary>
    public static TrackFileOptions? File(IConfigurationSection block, string keyword, ValidationReport report)
    {
        var file = TrackFileBlockReader.Read(block, keyword, report);
        return new TrackFileOptions(file.Name, file.File, file.Weight, file.Reverse, file.InitFile);
    }

    /// <summary>Parses one track_process block.</summary>
    public static TrackProcessOptions? Process(IConfigurationSection block, ValidationReport report)
    {
        var context = ConfigSections.Describe(block, "track_process");
        var values = new ConfigBlock(block, context, report);
        report.CheckKeywords(block, context, VrrpKeywords.TrackProcess);
        var process = values.String("process");
        if (string.IsNullOrWhiteSpace(process))
        {
            report.Error(block.Path, $"missing process in {context}");
        }

        var (weight, reverse) = TrackReferenceParser.Weight(values, 0);
        var quorum = values.Int("quorum", 1, 65535) ?? 1;
        var quorumMax = values.Int("quorum_max", 1, 65535);
        if (quorumMax < quorum)
        {
            report.Error(values.Path("quorum_max"), $"quorum_max {quorumMax} is below quorum {quorum} in {context}");
        }

        return new TrackProcessOptions(
            block["name"] ?? "", process ?? "", values.String("param_match"), weight, reverse, quorum, quorumMax, values.Seconds("delay", 0, 86400) ?? 0);
    }
}
