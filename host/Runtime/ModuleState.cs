namespace Vigil.Host.Runtime;

/// <summary>Where a module is in its life, as <c>vigil status</c> shows it.</summary>
internal enum ModuleState
{
    Loaded,
    Starting,
    Running,
    Stopping,
    Stopped,
    Failed,
}
