namespace Vigil.TestPlugins.GcPressure;

/// <summary>The gcpressure plugin's log event ids, clear of the host's (1000s) and the shipped plugins' (3000s, 4000s).</summary>
internal static class GcPressureEventIds
{
    public const int Started = 9000;
    public const int Stopped = 9001;
}
