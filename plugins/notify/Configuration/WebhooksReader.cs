using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Reads <c>notify_webhook NAME { url; header; timeout; retries; backoff; payload; template }</c> blocks.</summary>
internal static class WebhooksReader
{
    private static readonly HashSet<string> Known =
        ["url", "header", "timeout", "retries", "backoff", "payload", "subject", "body", "template"];

    public static Dictionary<string, WebhookSettings> Read(
        ClusterConfiguration configuration,
        NotifyOptions options,
        IReadOnlyDictionary<string, TemplateSet> templates,
        ValidationReport report)
    {
        var hooks = new Dictionary<string, WebhookSettings>(StringComparer.Ordinal);
        foreach (var block in ConfigSections.Items(configuration.Section("notify_webhook")))
        {
            var name = block["name"];
            var context = ConfigSections.Describe(block, "notify_webhook");
            if (string.IsNullOrWhiteSpace(name))
            {
                report.Error(block.Path, "notify_webhook needs a name");
                continue;
            }

            report.CheckKeywords(block, context, Known);
            var url = block["url"];
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                report.Error(block.GetSection("url").Path, $"url '{url}' is not an http or https URL in {context}");
                continue;
            }

            var own = TemplateBlockReader.Read(block, context, report);
            var named = NamedTemplate(block, context, templates, report);
            var values = new ConfigBlock(block, context, report);
            var policy = new DeliveryPolicy(
                values.Duration("timeout", OptionsReader.MinDuration, OptionsReader.MaxDuration) ?? TimeSpan.FromSeconds(10),
                values.Int("retries", 0, 100) ?? options.Retries,
                values.Duration("backoff", OptionsReader.MinDuration, OptionsReader.MaxDuration) ?? options.Backoff,
                options.MaxBackoff);
            var settings = new WebhookSettings(name, uri, ReadHeaders(block, context, report), (named ?? new TemplateSet()).With(own), policy);
            if (!hooks.TryAdd(name, settings))
            {
                report.Error(block.Path, $"duplicate {context}");
            }
        }

        return hooks;
    }

    /// <summary>The <c>template NAME</c> a block names, reported when unknown.</summary>
    public static TemplateSet? NamedTemplate(IConfigurationSection block, string context, IReadOnlyDictionary<string, TemplateSet> templates, ValidationReport report)
    {
        var name = block["template"];
        if (name is null)
        {
            return null;
        }

        if (templates.TryGetValue(name, out var set))
        {
            return set;
        }

        var known = templates.Count == 0 ? "none defined" : "known: " + string.Join(", ", templates.Keys.Order(StringComparer.Ordinal));
        report.Error(block.GetSection("template").Path, $"unknown notify_template '{name}' in {context} ({known})");
        return null;
    }

    private static Dictionary<string, CompiledTemplate> ReadHeaders(IConfigurationSection block, string context, ValidationReport report)
    {
        var headers = new Dictionary<string, CompiledTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in ConfigSections.Items(block.GetSection("header")))
        {
            var colon = item.Value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (colon <= 0)
            {
                report.Error(item.Path, $"header '{item.Value}' is not 'Name: value' in {context}");
                continue;
            }

            var name = item.Value![..colon].Trim();
            var value = CompiledTemplate.TryCompile(item.Value[(colon + 1)..].Trim(), out var error);
            if (value is null)
            {
                report.Error(item.Path, $"template error in {context}: {error}");
                continue;
            }

            headers[name] = value;
        }

        return headers;
    }
}
