namespace Vigil.Plugins.Notify.Templates;

/// <summary>
/// The templates that reproduce keepalived's own messages (smtp.c, vrrp_notify.c, ipwrapper.c, and each checker's
/// smtp_alert text in check_*.c; Vigil adds the failure's reason on a line of its own). A
/// <c>notify_template default { … }</c> block replaces any of them; these texts are documented in the README.
/// </summary>
internal static class DefaultTemplates
{
    public const string SubjectText =
        "[{{ router_id }}] "
        + "{{ if event == 'vrrp_instance' }}VRRP Instance {{ name }} - {{ if new_state == 'STOP' }}Stopping{{ else }}Entering {{ new_state }} state{{ end }}"
        + "{{ else if event == 'vrrp_sync_group' }}VRRP Group {{ name }} - {{ if new_state == 'STOP' }}Stopping{{ else }}Entering {{ new_state }} state{{ end }}"
        + "{{ else if event == 'real_server' }}Realserver {{ rs_text }} of virtual server {{ vs_text }} - {{ new_state }}"
        + "{{ else if event == 'virtual_server' }}Virtualserver {{ vs_text }} - {{ new_state }}"
        + "{{ else }}{{ event }} {{ name }}{{ if new_state }} - {{ new_state }}{{ end }}{{ end }}";

    public const string BodyText =
        "{{ if event == 'vrrp_instance' }}"
        + "{{ if new_state == 'MASTER' }}=> VRRP Instance is now owning VRRP VIPs <="
        + "{{ else if new_state == 'STOP' }}=> VRRP Instance stopping <="
        + "{{ else }}=> VRRP Instance is no longer owning VRRP VIPs <={{ end }}"
        + "{{ else if event == 'vrrp_sync_group' }}"
        + "{{ if new_state == 'STOP' }}=> All VRRP group instances are now stopping <="
        + "{{ else }}=> All VRRP group instances are now in {{ new_state }} state <={{ end }}"
        + "{{ else if event == 'real_server' }}"
        + "{{ if reason == 'shutdown (omega)' }}=> Shutting down <="
        + "{{ else }}{{ up = new_state == 'UP' }}{{ case fields.checker }}"
        + "{{ when 'TCP_CHECK' }}=> TCP CHECK {{ up ? 'succeed' : 'failed' }} on service <="
        + "{{ when 'PING_CHECK' }}=> ICMP CHECK {{ up ? 'succeed' : 'failed' }} on service <="
        + "{{ when 'UDP_CHECK' }}=> UDP CHECK {{ up ? 'succeed' : 'failed' }} on service <="
        + "{{ when 'DNS_CHECK' }}=> DNS_CHECK: {{ up ? 'succeed' : 'failed' }} on service <="
        + "{{ when 'MISC_CHECK' }}=> MISC CHECK {{ up ? 'succeeded' : (reason == 'timeout' ? 'timed out' : 'failed') }} on service <="
        + "{{ when 'HTTP_GET', 'SSL_GET' }}=> CHECK {{ up ? 'succeed on service' : 'failed on service : HTTP/SSL request failed' }} <="
        + "{{ else }}=> CHECK {{ up ? 'succeed' : 'failed' }} on service <={{ end }}"
        + "{{ if !up && reason != '' }}\nReason: {{ reason }}{{ end }}{{ end }}"
        + "{{ else if event == 'virtual_server' }}"
        + "=> {{ if new_state == 'UP' }}Gained{{ else }}Lost{{ end }} quorum {{ fields.quorum }}, live weight {{ fields.live_weight }} <="
        + "{{ else }}=> {{ event }} {{ name }} {{ reason }} <={{ end }}"
        + "{{ if coalesced > 1 }}\n({{ coalesced }} events coalesced){{ end }}"
        + "{{ if suppressed > 0 }}\n({{ suppressed }} earlier notifications suppressed by the rate limit){{ end }}";

    /// <summary>keepalived's generic <c>notify</c> arguments: <c>INSTANCE|GROUP name state priority</c>.</summary>
    public const string GenericArgumentsText = "{{ type }} {{ name }} {{ new_state }} {{ priority }}";

    /// <summary>keepalived's notify_fifo lines (vrrp_notify.c, ipwrapper.c), without the newline.</summary>
    public const string FifoLineText =
        "{{ if event == 'vrrp_instance' || event == 'vrrp_sync_group' }}{{ type }} \"{{ name }}\" {{ new_state }} {{ priority }}"
        + "{{ else if event == 'real_server' }}RS {{ rs_text }} {{ vs_text }} {{ new_state }}"
        + "{{ else if event == 'virtual_server' }}VS {{ vs_text }} {{ new_state }}"
        + "{{ else }}{{ type }} \"{{ name }}\" {{ new_state }}{{ end }}";

    public const string PayloadText =
        "{{ {event: event, type: type, module: module, name: name, instance: instance, group: group, "
        + "virtual_server: virtual_server, real_server: real_server, old_state: old_state, new_state: new_state, "
        + "priority: priority, reason: reason, host: host, router_id: router_id, time: timestamp, "
        + "coalesced: coalesced, suppressed: suppressed, subject: subject, body: body, fields: fields} | json }}";

    public static CompiledTemplate Subject { get; } = CompiledTemplate.Builtin(SubjectText);

    public static CompiledTemplate Body { get; } = CompiledTemplate.Builtin(BodyText);

    public static CompiledTemplate Payload { get; } = CompiledTemplate.Builtin(PayloadText);

    public static CompiledTemplate FifoLine { get; } = CompiledTemplate.Builtin(FifoLineText);

    public static ArgumentsTemplate GenericArguments { get; } = ArgumentsTemplate.Builtin(GenericArgumentsText);

    /// <summary>Subject, body and payload, as every e-mail and webhook handler starts.</summary>
    public static TemplateSet Messages { get; } = new(Subject, Body, Payload);
}
