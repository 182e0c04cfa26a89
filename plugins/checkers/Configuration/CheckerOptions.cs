using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Configuration;

/// <summary>The <c>global_defs</c> keys that change how the engine reports.</summary>
/// <param name="LogAllFailures">Log every failed probe, not only those that change a state (<c>checker_log_all_failures</c>).</param>
/// <param name="InitialNotifies">Publish each real server's first state as an event too (<c>rs_init_notifies</c>).</param>
internal sealed record CheckerOptions(bool LogAllFailures, bool InitialNotifies)
{
    /// <summary>The keys that are flags, validated by <see cref="CheckerGlobalsValidator"/>.</summary>
    public static readonly IReadOnlyList<string> Flags = ["checker_log_all_failures", "rs_init_notifies", "no_checker_emails"];

    /// <summary>Reads them from <c>global_defs</c>; unwritten or malformed ones are off.</summary>
    public static CheckerOptions Read(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var globals = configuration.Section("global_defs");
        return new CheckerOptions(On(globals["checker_log_all_failures"]), On(globals["rs_init_notifies"]));
    }

    private static bool On(string? text) => ConfigValueParser.TryParseFlag(text, out var value) && value;
}
