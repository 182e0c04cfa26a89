using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.Events;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Vrrp.Tests.Engine;

internal sealed class FakeSocket : IVrrpSocket
{
    public List<(byte[] Packet, IPAddress Destination)> Sent { get; } = [];

    public List<byte[]> SentRaw { get; } = [];

    public AddressFamily Family { get; init; } = AddressFamily.InterNetwork;

    public int InterfaceIndex => 2;

    public IPAddress Group { get; init; } = IPAddress.Parse("224.0.0.18");

    public bool Disposed { get; private set; }

    public void Send(ReadOnlySpan<byte> vrrpPacket, IPAddress destination) => Sent.Add((vrrpPacket.ToArray(), destination));

    public void SendRawIpv4(ReadOnlySpan<byte> ipPacket) => SentRaw.Add(ipPacket.ToArray());

    public bool TryReceive(TimeSpan timeout, out Plugins.Vrrp.Os.VrrpDatagram? datagram)
    {
        datagram = null;
        return false;
    }

    public void Dispose() => Disposed = true;
}

internal sealed class FakeNetlink : INetlinkClient
{
    public List<AddressSpec> Added { get; } = [];

    public List<AddressSpec> Deleted { get; } = [];

    public List<RouteSpec> Routes { get; } = [];

    public HashSet<IPAddress> Present { get; } = [];

    public void AddAddress(AddressSpec spec)
    {
        Added.Add(spec);
        Present.Add(spec.Address);
    }

    public void DeleteAddress(AddressSpec spec)
    {
        Deleted.Add(spec);
        Present.Remove(spec.Address);
    }

    public void AddRoute(RouteSpec spec) => Routes.Add(spec);

    public void DeleteRoute(RouteSpec spec) => Routes.Remove(spec);

    public List<RuleSpec> Rules { get; } = [];

    public void AddRule(RuleSpec spec) => Rules.Add(spec);

    public void DeleteRule(RuleSpec spec) => Rules.Remove(spec);

    public int CreateMacvlan(string name, int parentIndex, byte[] mac) => 9;

    public void DeleteLink(int index)
    {
    }

    public void SetLinkUp(int index, bool up)
    {
    }

    public LinkInfo? GetLink(int index) => null;

    public LinkInfo? GetLink(string name) =>
        name == "eth1" ? new(3, name, 0x41 | 0x1, 6, [2, 0, 0, 0, 0, 3]) : new(2, name, 0x41 | 0x1, 6, [2, 0, 0, 0, 0, 1]);

    public IReadOnlyList<AddressInfo> ListAddresses(int index, AddressFamily family = AddressFamily.Unspecified) => [];

    public void Dispose()
    {
    }
}

internal sealed class FakeGratuitous : IGratuitousSender
{
    public List<(int Index, IPAddress Address)> Arps { get; } = [];

    public List<(int Index, IPAddress Address)> Adverts { get; } = [];

    public List<byte[]> ArpMacs { get; } = [];

    public void SendArp(int interfaceIndex, byte[] mac, IPAddress address)
    {
        Arps.Add((interfaceIndex, address));
        ArpMacs.Add(mac);
    }

    public void SendNeighbourAdvert(int interfaceIndex, byte[] mac, IPAddress address) => Adverts.Add((interfaceIndex, address));

    public void Dispose()
    {
    }
}

internal sealed class FakeBus : IEventBus
{
    public ConcurrentQueue<ClusterEvent> Events { get; } = new();

    public void Publish(ClusterEvent evt) => Events.Enqueue(evt);

    public IDisposable Subscribe<T>(string subscriber, Func<T, CancellationToken, Task> handler, SubscriptionOptions? options = null)
        where T : ClusterEvent => throw new NotSupportedException();
}
