using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Notify.Channels;
using Vigil.Plugins.Notify.Rules;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Reads <c>notify_rule NAME { events; module; instance; virtual_server; real_server; state; channel; … }</c>.</summary>
internal static class RulesReader
{
    private static readonly HashSet<string> KnownKeys =
    [
        "events", "module", "instance", "virtual_server", "real_server", "state", "channel", "script", "fifo", "email_to",
        "template", "subject", "body", "payload", "arguments", "rate_limit", "coalesce", "retries", "timeout", "target",
    ];

    public static void Read(
        ClusterConfiguration configuration,
        HandlerDefaults defaults,
        IReadOnlyDictionary<string, TemplateSet> templates,
        IReadOnlyDictionary<string, WebhookSettings> webhooks,
        IReadOnlySet<string> channels,
        ValidationReport report,
        List<NotifyHandler> handlers)
    {
        foreach (var block in ConfigSections.Items(configuration.Section("notify_rule")))
        {
            var context = ConfigSections.Describe(block, "notify_rule");
            report.CheckKeywords(block, context, KnownKeys);
            var filter = ReadFilter(block, context, report);
            var overrides = (WebhooksReader.NamedTemplate(block, context, templates, report) ?? new TemplateSet())
                .With(TemplateBlockReader.Read(block, context, report));
            var values = new ConfigBlock(block, context, report);
            var throttle = new Throttle(
                values.Duration("coalesce", OptionsReader.MinDuration, OptionsReader.MaxDuration),
                OptionsReader.Limit(block, "rate_limit", context, report));
            var targets = ConfigValueParser.Words(block["channel"]);
            if (targets.Length == 0)
            {
                report.Error(block.Path, $"{context} needs a channel ({Known(channels)}, webhook:NAME)");
            }

            foreach (var target in targets)
            {
                var handler = ReadTarget(block, context, target, defaults, overrides, webhooks, channels, report);
                if (handler is not null)
                {
                    var policy = handler.Policy with
                    {
                        Retries = values.Int("retries", 0, 100) ?? handler.Policy.Retries,
                        Timeout = values.Duration("timeout", OptionsReader.MinDuration, OptionsReader.MaxDuration) ?? handler.Policy.Timeout,
                    };
                    handlers.Add(handler with { Filter = filter, Throttle = throttle, Policy = policy });
                }
            }
        }
    }

    private static NotifyHandler? ReadTarget(
        IConfigurationSection block,
        string context,
        string target,
        HandlerDefaults defaults,
        TemplateSet overrides,
        IReadOnlyDictionary<string, WebhookSettings> webhooks,
        IReadOnlySet<string> channels,
        ValidationReport report)
    {
        var id = $"{context} {target}";
        var channelPath = block.GetSection("channel").Path;
        var noHeaders = new Dictionary<string, CompiledTemplate>();
        var all = EventFilter.Any;
        switch (target)
        {
            case ChannelNames.Script:
                var line = ScriptLineReader.Read(block.GetSection("script"), context, defaults.Global.ScriptSecurity, report);
                if (block["script"] is null)
                {
                    report.Error(channelPath, $"channel script needs a script line in {context}");
                }

                return line is null ? null : defaults.Script(id, all, line, overrides.Arguments ?? defaults.GenericArguments);
            case ChannelNames.Fifo:
                if (block["fifo"] is not { Length: > 0 } path)
                {
                    report.Error(channelPath, $"channel fifo needs a fifo path in {context}");
                    return null;
                }

                return defaults.Fifo(id, all, path) with { Templates = new TemplateSet(Body: overrides.Body ?? DefaultTemplates.FifoLine) };
            case ChannelNames.Email:
                var recipients = block["email_to"] is { } to ? ConfigValueParser.Words(to.Replace(',', ' ')) : defaults.Global.Smtp.Recipients.ToArray();
                if (defaults.Global.Smtp.Server is null || recipients.Length == 0)
                {
                    report.Error(channelPath, $"channel email needs smtp_server and notification_email in global_defs (or email_to) in {context}");
                    return null;
                }

                return defaults.Email(id, all) with
                {
                    Target = string.Join(", ", recipients),
                    Templates = defaults.Messages.With(overrides) with { Payload = null, Arguments = null },
                };
            case var hook when hook.StartsWith(ChannelNames.Webhook + ":", StringComparison.Ordinal):
                var name = hook[(ChannelNames.Webhook.Length + 1)..];
                if (!webhooks.TryGetValue(name, out var settings))
                {
                    var known = webhooks.Count == 0 ? "none defined" : "known: " + string.Join(", ", webhooks.Keys.Order(StringComparer.Ordinal));
                    report.Error(channelPath, $"unknown notify_webhook '{name}' in {context} ({known})");
                    return null;
                }

                return new NotifyHandler(id, ChannelNames.Webhook, all, settings.Url.ToString(),
                    defaults.Messages.With(settings.Templates).With(overrides) with { Arguments = null }, settings.Headers, settings.Policy, Throttle.None);
            case var other when channels.Contains(other) && other != ChannelNames.Webhook:
                return new NotifyHandler(id, other, all, block["target"] ?? "", defaults.Messages.With(overrides), noHeaders, defaults.PolicyFor(other), Throttle.None);
            default:
                report.Error(channelPath, $"unknown channel '{target}' in {context} (known: {Known(channels)}, webhook:NAME)");
                return null;
        }
    }

    private static string Known(IReadOnlySet<string> channels) => string.Join(", ", channels.Where(c => c != ChannelNames.Webhook).Order(StringComparer.Ordinal));

    private static EventFilter ReadFilter(IConfigurationSection block, string context, ValidationReport report)
    {
        HashSet<string>? kinds = null;
        if (block["events"] is { } events)
        {
            kinds = ConfigValueParser.Words(events).ToHashSet(StringComparer.Ordinal);
            // Other modules may publish further kinds, so an unknown one is only a warning.
            foreach (var kind in kinds.Where(k => !EventKinds.Known.Contains(k)))
            {
                report.Warning(block.GetSection("events").Path, $"event '{kind}' in {context} is none of {string.Join(", ", EventKinds.Known.Order(StringComparer.Ordinal))}");
            }
        }

        var states = block["state"] is { } s ? ConfigValueParser.Words(s).Select(w => w.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal) : null;
        return new EventFilter(
            kinds,
            block["module"],
            block["instance"] is { } i ? NameMatcher.Glob(i) : null,
            block["virtual_server"] is { } vs ? NameMatcher.Glob(ServerPattern.VirtualServer(vs)) : null,
            block["real_server"] is { } rs ? NameMatcher.Glob(ServerPattern.RealServer(rs)) : null,
            states);
    }
}
