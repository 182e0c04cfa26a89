using Vigil.Abstractions.Checks;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Checkers.Configuration;

/// <summary>
/// What makes a configured check the same one across a reload: its servers, its checker, its block's text and its
/// resolved settings (the real server's weight aside, which changes no probe). A reload keeps a check whose identity it
/// finds again, state and schedule included.
/// </summary>
/// <param name="VirtualServer">The virtual server.</param>
/// <param name="RealServer">The real server.</param>
/// <param name="Checker">The checker's keyword.</param>
/// <param name="Block">The block's keywords and values (<see cref="BlockFingerprint"/>).</param>
/// <param name="Settings">The resolved settings, weight zeroed.</param>
/// <param name="Ordinal">Which of several identical blocks in one real server.</param>
internal sealed record CheckIdentity(
    VirtualServerKey VirtualServer,
    RealServerKey RealServer,
    string Checker,
    string Block,
    CheckSettings Settings,
    int Ordinal);
