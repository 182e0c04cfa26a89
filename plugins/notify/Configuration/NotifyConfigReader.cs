using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>
/// Reads everything the notify module does from a cluster configuration, reporting every problem it meets.
/// The validator and the running module use the same reader, so what check-config accepts is what runs.
/// </summary>
internal static class NotifyConfigReader
{
    /// <summary>The top-level sections the notify module claims.</summary>
    public static readonly IReadOnlyCollection<string> Sections = ["notify_webhook", "notify_rule", "notify_template", "notify_options"];

    public static NotifySettings Read(ClusterConfiguration configuration, string host, IReadOnlySet<string> channels, ValidationReport report)
    {
        var fifos = new List<FifoScript>();
        var global = GlobalDefsReader.Read(configuration, host, report, fifos);
        var options = OptionsReader.Read(configuration, report);
        var templates = TemplatesReader.Read(configuration, report);
        templates.TryGetValue(TemplatesReader.DefaultName, out var userDefault);
        var defaults = new HandlerDefaults(global, options, userDefault);
        var webhooks = WebhooksReader.Read(configuration, options, templates, report);

        foreach (var fifo in fifos.Where(f => f.Script is not null))
        {
            ScriptLineReader.Read(configuration.Root.GetSection(fifo.ConfigPath + "_script"), "global_defs", global.ScriptSecurity, report);
        }

        var handlers = new List<NotifyHandler>();
        KeepalivedHandlersReader.Read(configuration, defaults, fifos, report, handlers);
        RulesReader.Read(configuration, defaults, templates, webhooks, channels, report, handlers);
        return new NotifySettings(global, options, handlers, fifos);
    }
}
