namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>RFC timer arithmetic, in milliseconds (sub-millisecond parts are truncated).</summary>
internal static class VrrpTiming
{
    /// <summary>
    /// Skew_Time. v2 (RFC 3768 §6.1): (256 - Priority) / 256 seconds. v3 (RFC 5798 §6.1):
    /// ((256 - Priority) * Master_Adver_Interval) / 256, which scales with the master's interval.
    /// </summary>
    public static long SkewMs(VrrpVersion version, int priority, long masterAdverIntervalMs) =>
        version == VrrpVersion.V2
            ? (256 - priority) * 1000L / 256
            : (256 - priority) * masterAdverIntervalMs / 256;

    /// <summary>Master_Down_Interval = 3 * Master_Adver_Interval + Skew_Time.</summary>
    public static long MasterDownMs(VrrpVersion version, int priority, long masterAdverIntervalMs) =>
        3 * masterAdverIntervalMs + SkewMs(version, priority, masterAdverIntervalMs);

    /// <summary>The advertisement interval field of a packet in milliseconds (seconds in v2, centiseconds in v3).</summary>
    public static long IntervalFieldToMs(VrrpVersion version, int field) => version == VrrpVersion.V2 ? field * 1000L : field * 10L;

    /// <summary>The packet field for an interval in milliseconds.</summary>
    public static ushort MsToIntervalField(VrrpVersion version, long ms) => (ushort)(version == VrrpVersion.V2 ? ms / 1000 : ms / 10);
}
