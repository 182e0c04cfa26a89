namespace Vigil.Host.Plugins;

/// <summary>An enabled module could not be loaded; the message is the one line the host prints before it stops.</summary>
internal sealed class ModuleLoadException(string module, string cause, Exception? inner = null)
    : Exception($"module '{module}': {cause}", inner)
{
    public string Module { get; } = module;
}
