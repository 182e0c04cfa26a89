using System.Net.Sockets;
using Vigil.Linux.Sockets;
using static Vigil.Linux.Netlink.NetlinkConstants;

namespace Vigil.Linux.Netlink;

/// <summary>
/// A netlink socket (opened with socket(2): .NET refuses family 16): request/acknowledge, dumps, and multicast
/// notifications. Belongs to the network namespace of the thread that opened it. Not thread-safe: one request at a time.
/// </summary>
public sealed class NetlinkSocket : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[BufferSize];
    private uint _sequence = (uint)Environment.TickCount;

    private NetlinkSocket(Socket socket, int protocol)
    {
        _socket = socket;
        Protocol = protocol;
    }

    /// <summary>
    /// Opens a socket of <paramref name="protocol"/> (NETLINK_ROUTE, NETLINK_GENERIC), subscribed to the
    /// <paramref name="groups"/> bitmask (RTMGRP_*), 0 for none.
    /// </summary>
    public static NetlinkSocket Open(int protocol, uint groups = 0)
    {
        var socket = NativeSocket.Open(LinuxConstants.AF_NETLINK, LinuxConstants.SOCK_RAW, protocol);
        try
        {
            NativeSocket.Bind(socket, SockAddr.Netlink(groups), "netlink");
            socket.ReceiveBufferSize = 1024 * 1024;
            return new NetlinkSocket(socket, protocol);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The netlink protocol the socket speaks (NETLINK_ROUTE, NETLINK_GENERIC).</summary>
    public int Protocol { get; }

    /// <summary>The descriptor, for waiting on notifications with ppoll.</summary>
    public nint Handle => _socket.Handle;

    /// <summary>The next request sequence number.</summary>
    public uint NextSequence() => unchecked(++_sequence);

    /// <summary>Sends a request built with NLM_F_ACK and returns the errno of its NLMSG_ERROR reply (0 = success).</summary>
    public int Execute(byte[] request, uint sequence)
    {
        _socket.Send(request);
        while (true)
        {
            foreach (var message in ReceiveBatch())
            {
                if (message.Sequence == sequence && message.Type == NLMSG_ERROR)
                {
                    return NetlinkParser.ErrorCode(message);
                }
            }
        }
    }

    /// <summary>
    /// Sends a query and collects the replies with its sequence number until NLMSG_DONE (dumps) or the single
    /// answer (plain gets). An error reply throws, except <paramref name="absent"/> (the errno meaning "no such object",
    /// ENODEV for a link) which yields an empty list.
    /// </summary>
    public List<NetlinkMessage> Query(byte[] request, uint sequence, string what, int absent)
    {
        _socket.Send(request);
        var replies = new List<NetlinkMessage>();
        while (true)
        {
            foreach (var message in ReceiveBatch())
            {
                if (message.Sequence != sequence)
                {
                    continue;
                }

                switch (message.Type)
                {
                    case NLMSG_DONE:
                        return replies;
                    case NLMSG_ERROR:
                        var errno = NetlinkParser.ErrorCode(message);
                        return errno == 0 || errno == absent ? replies : throw new OsException(what, errno);
                    default:
                        replies.Add(message);
                        if ((message.Flags & NLM_F_MULTI) == 0)
                        {
                            return replies;
                        }

                        break;
                }
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a datagram (notifications); empty on timeout.</summary>
    public List<NetlinkMessage> Receive(TimeSpan timeout) =>
        _socket.Poll(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, SelectMode.SelectRead) ? ReceiveBatch() : [];

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    private List<NetlinkMessage> ReceiveBatch()
    {
        var read = _socket.Receive(_buffer);
        return NetlinkParser.Messages(_buffer.AsSpan(0, read).ToArray());
    }
}
