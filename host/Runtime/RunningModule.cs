using Vigil.Host.Plugins;

namespace Vigil.Host.Runtime;

/// <summary>A loaded module and what the host knows of its state.</summary>
internal sealed class RunningModule(LoadedModule loaded)
{
    public LoadedModule Loaded { get; } = loaded;

    public string Name => Loaded.Name;

    public ModuleState State { get; set; } = ModuleState.Loaded;

    public string? LastError { get; set; }
}
