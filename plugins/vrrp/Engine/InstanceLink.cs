using System.Net;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>The interfaces an instance uses, resolved at start.</summary>
/// <param name="BaseName">The configured <c>interface</c>.</param>
/// <param name="BaseIndex">Its index.</param>
/// <param name="Name">Where adverts go out and addresses are added: the base interface, or the VMAC.</param>
/// <param name="Index">That interface's index.</param>
/// <param name="Mac">That interface's MAC, the source of gratuitous ARPs.</param>
/// <param name="SourceAddress">The advert source: unicast_src_ip / mcast_src_ip, or the base interface's primary address.</param>
/// <param name="VmacIndex">The VMAC this instance created, deleted when it stops; null without use_vmac.</param>
internal sealed record InstanceLink(string BaseName, int BaseIndex, string Name, int Index, byte[] Mac, IPAddress SourceAddress, int? VmacIndex);
