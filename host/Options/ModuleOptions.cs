namespace Vigil.Host.Options;

/// <summary>One module's host.json entry; any other keys are the module's own settings.</summary>
internal sealed class ModuleOptions
{
    /// <summary>Whether the host loads the module at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>Start order, lowest first; modules stop in reverse. Defaults to 100.</summary>
    public int Order { get; set; } = 100;

    /// <summary>The plugin's folder name under the plugins directory, when it differs from the module name.</summary>
    public string? Folder { get; set; }
}
