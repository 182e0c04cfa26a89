namespace Vigil.Plugins.Notify.Templates;

/// <summary>A template failed while rendering (an unknown name, a loop over its limit).</summary>
internal sealed class TemplateRenderException(string message, Exception inner) : Exception(message, inner);
