using System.Net;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>An address found on a link by RTM_GETADDR.</summary>
internal sealed record AddressInfo(int InterfaceIndex, IPAddress Address, int PrefixLength, byte Scope, string? Label, uint Flags);
