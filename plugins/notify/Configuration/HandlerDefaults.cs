using Vigil.Plugins.Notify.Channels;
using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Rules;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>The delivery policy and templates each built-in channel starts from.</summary>
internal sealed class HandlerDefaults(GlobalNotifySettings global, NotifyOptions options, TemplateSet? userDefault)
{
    private static readonly IReadOnlyDictionary<string, CompiledTemplate> NoHeaders = new Dictionary<string, CompiledTemplate>();

    public GlobalNotifySettings Global => global;

    public NotifyOptions Options => options;

    /// <summary>keepalived's messages, with a <c>notify_template default</c> laid over them.</summary>
    public TemplateSet Messages { get; } = DefaultTemplates.Messages.With(userDefault);

    /// <summary>The generic notify script's arguments, keepalived's unless <c>notify_template default</c> sets <c>arguments</c>.</summary>
    public ArgumentsTemplate GenericArguments { get; } = userDefault?.Arguments ?? DefaultTemplates.GenericArguments;

    /// <summary>keepalived doesn't retry scripts (a notify_master may not be idempotent); the runner kills at script_timeout.</summary>
    public DeliveryPolicy ScriptPolicy => new(options.ScriptTimeout + TimeSpan.FromSeconds(5), 0, options.Backoff, options.MaxBackoff);

    public DeliveryPolicy EmailPolicy => new(global.Smtp.ConnectTimeout + TimeSpan.FromSeconds(30), options.Retries, options.Backoff, options.MaxBackoff);

    public DeliveryPolicy FifoPolicy => new(TimeSpan.FromSeconds(5), 0, options.Backoff, options.MaxBackoff);

    public DeliveryPolicy PolicyFor(string channel) => channel switch
    {
        ChannelNames.Script => ScriptPolicy,
        ChannelNames.Email => EmailPolicy,
        ChannelNames.Fifo => FifoPolicy,
        _ => new DeliveryPolicy(TimeSpan.FromSeconds(30), options.Retries, options.Backoff, options.MaxBackoff),
    };

    /// <summary>A script handler; <paramref name="lane"/> names the block whose scripts must run in event order.</summary>
    public NotifyHandler Script(string id, EventFilter filter, string line, ArgumentsTemplate? arguments, string? lane = null) =>
        new(id, ChannelNames.Script, filter, line, new TemplateSet(Arguments: arguments), NoHeaders, ScriptPolicy, Throttle.None, lane);

    public NotifyHandler Email(string id, EventFilter filter) =>
        new(id, ChannelNames.Email, filter, string.Join(", ", global.Smtp.Recipients), Messages with { Payload = null, Arguments = null },
            NoHeaders, EmailPolicy, options.EmailThrottle);

    public NotifyHandler Fifo(string id, EventFilter filter, string path) =>
        new(id, ChannelNames.Fifo, filter, path, new TemplateSet(Body: DefaultTemplates.FifoLine), NoHeaders, FifoPolicy, Throttle.None);
}
