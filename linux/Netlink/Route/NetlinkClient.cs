using System.Net.Sockets;
using Vigil.Linux.Sockets;

namespace Vigil.Linux.Netlink.Route;

/// <summary>rtnetlink requests over one <see cref="NetlinkSocket"/>; thread-safe (one request at a time).</summary>
public sealed class NetlinkClient : INetlinkClient
{
    private readonly NetlinkSocket _socket;
    private readonly Lock _gate = new();

    private NetlinkClient(NetlinkSocket socket) => _socket = socket;

    /// <summary>Opens a client in the calling thread's network namespace.</summary>
    public static NetlinkClient Open() => new(NetlinkSocket.Open(LinuxConstants.NETLINK_ROUTE));

    /// <inheritdoc />
    public void AddAddress(AddressSpec spec) =>
        Run(s => NetlinkRequests.AddAddress(s, spec), $"add address {spec.Address}/{spec.PrefixLength}", Errno.EEXIST);

    /// <inheritdoc />
    public void DeleteAddress(AddressSpec spec) =>
        Run(s => NetlinkRequests.DeleteAddress(s, spec), $"delete address {spec.Address}/{spec.PrefixLength}", Errno.EADDRNOTAVAIL, Errno.ENOENT, Errno.ENODEV);

    /// <inheritdoc />
    public void AddRoute(RouteSpec spec) =>
        Run(s => NetlinkRequests.AddRoute(s, spec), $"add route {spec.Destination}/{spec.PrefixLength}", Errno.EEXIST);

    /// <inheritdoc />
    public void DeleteRoute(RouteSpec spec) =>
        Run(s => NetlinkRequests.DeleteRoute(s, spec), $"delete route {spec.Destination}/{spec.PrefixLength}", Errno.ESRCH, Errno.ENOENT, Errno.ENODEV);

    /// <inheritdoc />
    public void AddRule(RuleSpec spec) =>
        Run(s => NetlinkRuleRequests.AddRule(s, spec), $"add rule {RuleText.Format(spec)}", Errno.EEXIST);

    /// <inheritdoc />
    public void DeleteRule(RuleSpec spec) =>
        Run(s => NetlinkRuleRequests.DeleteRule(s, spec), $"delete rule {RuleText.Format(spec)}", Errno.ENOENT);

    /// <inheritdoc />
    public int CreateMacvlan(string name, int parentIndex, byte[] mac)
    {
        Run(s => NetlinkRequests.CreateMacvlan(s, name, parentIndex, mac), $"create macvlan {name}", Errno.EEXIST);
        return GetLink(name)?.Index ?? throw new OsException($"create macvlan {name}", Errno.ENODEV);
    }

    /// <inheritdoc />
    public void DeleteLink(int index) =>
        Run(s => NetlinkRequests.DeleteLink(s, index), $"delete link {index}", Errno.ENODEV);

    /// <inheritdoc />
    public void SetLinkUp(int index, bool up) =>
        Run(s => NetlinkRequests.SetLinkUp(s, index, up), $"set link {index} {(up ? "up" : "down")}");

    /// <inheritdoc />
    public LinkInfo? GetLink(int index) => QueryLink(s => NetlinkRequests.GetLink(s, index), $"get link {index}");

    /// <inheritdoc />
    public LinkInfo? GetLink(string name) => QueryLink(s => NetlinkRequests.GetLinkByName(s, name), $"get link {name}");

    /// <inheritdoc />
    public IReadOnlyList<AddressInfo> ListAddresses(int index, AddressFamily family = AddressFamily.Unspecified)
    {
        lock (_gate)
        {
            var sequence = _socket.NextSequence();
            return _socket.Query(NetlinkRequests.DumpAddresses(sequence, family), sequence, "list addresses", Errno.ENODEV)
                .Select(NetlinkDecoders.Address)
                .OfType<AddressInfo>()
                .Where(a => a.InterfaceIndex == index)
                .ToList();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    private void Run(Func<uint, byte[]> build, string what, params int[] benign)
    {
        int errno;
        lock (_gate)
        {
            var sequence = _socket.NextSequence();
            errno = _socket.Execute(build(sequence), sequence);
        }

        if (errno != 0 && !benign.Contains(errno))
        {
            throw new OsException(what, errno);
        }
    }

    private LinkInfo? QueryLink(Func<uint, byte[]> build, string what)
    {
        lock (_gate)
        {
            var sequence = _socket.NextSequence();
            return _socket.Query(build(sequence), sequence, what, Errno.ENODEV).Select(NetlinkDecoders.Link).OfType<LinkInfo>().FirstOrDefault();
        }
    }
}
