namespace Vigil.Host.Options;

/// <summary>host.json <c>Plugins</c>.</summary>
internal sealed class PluginOptions
{
    /// <summary>The plugins directory; empty means <c>../plugins</c> relative to the host binary.</summary>
    public string Directory { get; set; } = "";
}
