namespace Vigil.Host.Plugins;

/// <summary>An enabled module could not be loaded, or modules conflict; the message is the one line the host prints before it stops.</summary>
internal sealed class ModuleLoadException : Exception
{
    public ModuleLoadException(string module, string cause, Exception? inner = null)
        : base($"module '{module}': {cause}", inner)
    {
    }

    private ModuleLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Modules that claim the same thing (a section, a checker name, an operation); <paramref name="conflicts"/> each name both.</summary>
    public static ModuleLoadException Conflicts(IReadOnlyList<string> conflicts) => new(string.Join("; ", conflicts));
}
