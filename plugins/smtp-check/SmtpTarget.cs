using System.Net;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>One SMTP server a check talks to: the block's own connection or one of its <c>host</c> blocks.</summary>
/// <param name="Connect">Where to connect.</param>
/// <param name="Bind">The local address and port to connect from (<c>bindto</c>, <c>bind_port</c>), or null.</param>
/// <param name="BindInterface">The interface to connect through (<c>bind_if</c>), or null.</param>
/// <param name="Fwmark">The firewall mark on the packets (<c>fwmark</c>), 0 for none.</param>
/// <param name="Timeout">How long the connection, and then each reply, may take (<c>connect_timeout</c>).</param>
internal sealed record SmtpTarget(IPEndPoint Connect, IPEndPoint? Bind, string? BindInterface, uint Fwmark, TimeSpan Timeout);
