using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Checkers.Tests.Support;

/// <summary>A UDP DNS responder on loopback that answers as <see cref="Mode"/> says: right, wrong, garbage or not at all.</summary>
public sealed class TestDnsServer : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TestDnsServer() => _loop = Task.Run(LoopAsync);

    public enum Answer
    {
        Right,
        WrongIdThenRight,
        GarbageThenRight,
        OtherQuestionThenRight,
        Truncated,
        Silent,
        ServFail,
    }

    public int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    public volatile Answer Mode = Answer.Right;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    /// <summary>The response to <paramref name="query"/>: QR set, the question echoed, one A answer named by a pointer.</summary>
    public static byte[] Respond(byte[] query, int rcode = 0)
    {
        var response = new byte[query.Length + 16];
        query.CopyTo(response, 0);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), (ushort)(0x8180 | rcode));
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(6), 1);
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(query.Length - 4));
        byte[] answer = [0xc0, 0x0c, (byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1];
        answer.CopyTo(response, query.Length);
        return response;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _udp.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var query = received.Buffer;
            var right = Respond(query, Mode == Answer.ServFail ? 2 : 0);
            var first = Mode switch
            {
                Answer.WrongIdThenRight => WithId(right, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(query) ^ 0xffff)),
                Answer.GarbageThenRight => [0xde, 0xad, 0xbe, 0xef, 1, 2, 3],
                Answer.OtherQuestionThenRight => OtherQuestion(right),
                Answer.Truncated => right[..(query.Length + 4)],
                _ => null,
            };
            if (Mode == Answer.Silent)
            {
                continue;
            }

            if (first is not null)
            {
                await _udp.SendAsync(first, received.RemoteEndPoint);
            }

            if (Mode != Answer.Truncated)
            {
                await _udp.SendAsync(right, received.RemoteEndPoint);
            }
        }
    }

    private static byte[] WithId(byte[] message, ushort id)
    {
        var copy = (byte[])message.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy, id);
        return copy;
    }

    private static byte[] OtherQuestion(byte[] message)
    {
        var copy = (byte[])message.Clone();
        // The question's type, just before its class, becomes TXT.
        var typeAt = copy.Length - 16 - 4;
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(typeAt), BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(typeAt)) == 16 ? (ushort)1 : (ushort)16);
        return copy;
    }
}
