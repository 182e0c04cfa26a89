using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>Where one real server stands now, and why: what <c>vigil rs list</c> and the metrics show.</summary>
/// <param name="Server">Its address and port.</param>
/// <param name="Healthy">True when its checkers pass (or it has none).</param>
/// <param name="Drained">True while an operator drains it.</param>
/// <param name="ConfiguredWeight">The weight the configuration gives.</param>
/// <param name="EffectiveWeight">The weight programmed now (0: no new connections).</param>
/// <param name="Programmed">True when the data plane knows it (in rotation, or inhibited at weight 0).</param>
/// <param name="Reason">Why it is where it is, in words.</param>
internal sealed record RealServerStatus(
    RealServerKey Server,
    bool Healthy,
    bool Drained,
    int ConfiguredWeight,
    int EffectiveWeight,
    bool Programmed,
    string Reason);
