namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>The running engine, shared with status sources that are created before it starts.</summary>
internal sealed class VrrpEngineHolder
{
    /// <summary>The engine while the module runs, else null.</summary>
    public VrrpEngine? Engine { get; set; }
}
