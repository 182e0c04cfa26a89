namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>keepalived's quorum with hysteresis: gained at quorum + hysteresis, lost below quorum − hysteresis.</summary>
internal static class QuorumRule
{
    /// <summary>
    /// Whether quorum holds after a change, given whether it held before (null on the first evaluation, which compares
    /// with the quorum alone so a service that starts healthy starts up).
    /// </summary>
    public static bool Next(bool? wasUp, int liveWeight, int quorum, int hysteresis) => wasUp switch
    {
        null => liveWeight >= quorum,
        false => liveWeight >= quorum + hysteresis,
        true => liveWeight >= quorum - hysteresis,
    };
}
