using Vigil.Abstractions.Events;

namespace Vigil.Abstractions.Notifications;

/// <summary>A rendered notification on its way to a channel.</summary>
/// <param name="Event">The bus event it reports.</param>
/// <param name="Target">Where the channel should deliver it (a script line, an address, a URL), already rendered.</param>
/// <param name="Subject">The rendered subject line.</param>
/// <param name="Body">The rendered body or payload.</param>
/// <param name="Arguments">Rendered arguments for channels that take an argument vector (scripts).</param>
/// <param name="Headers">Rendered headers for channels that send them (webhooks, e-mail).</param>
public sealed record Notification(
    ClusterEvent Event,
    string Target,
    string Subject,
    string Body,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Headers);
