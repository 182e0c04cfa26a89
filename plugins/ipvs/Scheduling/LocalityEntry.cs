namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>One destination address's entry in an lblc or lblcr table.</summary>
internal abstract class LocalityEntry
{
    /// <summary>When a connection to the address last used the entry (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastUse { get; set; }
}
