using System.Net;

namespace Vigil.Abstractions.Checks;

/// <summary>
/// A checker block's standard settings, resolved: the block's own values, else its real server's, else its virtual
/// server's, else the checker's and keepalived's defaults.
/// </summary>
/// <param name="Context">The real server and what it inherits from its virtual server.</param>
/// <param name="Connect">Where to probe: <c>connect_ip</c> and <c>connect_port</c>, defaulting to the real server.</param>
/// <param name="Bind">The local address and port to probe from (<c>bindto</c>, <c>bind_port</c>), or null.</param>
/// <param name="BindInterface">The interface to probe from (<c>bind_if</c>), or null.</param>
/// <param name="Fwmark">The firewall mark on the probe's packets (<c>fwmark</c>), 0 for none.</param>
/// <param name="ConnectTimeout">How long a connection (and, for one-shot protocols, the answer) may take (<c>connect_timeout</c>; default 5 s).</param>
/// <param name="Schedule">When the engine runs the check and how results count.</param>
public sealed record CheckSettings(
    CheckContext Context,
    IPEndPoint Connect,
    IPEndPoint? Bind,
    string? BindInterface,
    uint Fwmark,
    TimeSpan ConnectTimeout,
    CheckSchedule Schedule);
