namespace Vigil.Plugins.Notify.Templates;

/// <summary>The templates one handler renders; a part left null is not rendered (an empty string, no arguments).</summary>
/// <param name="Subject">The subject line (e-mail, webhook model).</param>
/// <param name="Body">The body (e-mail), or the line written (fifo).</param>
/// <param name="Payload">A webhook's request body.</param>
/// <param name="Arguments">Arguments appended to a script's own.</param>
internal sealed record TemplateSet(
    CompiledTemplate? Subject = null,
    CompiledTemplate? Body = null,
    CompiledTemplate? Payload = null,
    ArgumentsTemplate? Arguments = null)
{
    /// <summary>Each part of <paramref name="overrides"/> that is set replaces this set's part.</summary>
    public TemplateSet With(TemplateSet? overrides) => overrides is null
        ? this
        : new TemplateSet(
            overrides.Subject ?? Subject,
            overrides.Body ?? Body,
            overrides.Payload ?? Payload,
            overrides.Arguments ?? Arguments);
}
