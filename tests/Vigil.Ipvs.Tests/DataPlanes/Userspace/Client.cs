using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Ipvs.Tests.DataPlanes.Userspace;

/// <summary>One test connection through the forwarder: reads the server's greeting, then echoes.</summary>
internal sealed class Client : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private Client(TcpClient tcp, string name)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        Name = name;
    }

    /// <summary>The name of the server it reached.</summary>
    public string Name { get; }

    public static async Task<Client> ConnectAsync(IPEndPoint vip, CancellationToken cancellationToken, string? source = null)
    {
        var tcp = source is null ? new TcpClient(vip.AddressFamily) : new TcpClient(new IPEndPoint(IPAddress.Parse(source), 0));
        try
        {
            await tcp.ConnectAsync(vip, cancellationToken);
            var stream = tcp.GetStream();
            var line = new List<byte>();
            var one = new byte[1];
            while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != '\n')
            {
                line.Add(one[0]);
            }

            return new Client(tcp, Encoding.ASCII.GetString(line.ToArray()));
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public static async Task<string> NameAsync(IPEndPoint vip, CancellationToken cancellationToken, string? source = null)
    {
        using var client = await ConnectAsync(vip, cancellationToken, source);
        return client.Name;
    }

    /// <summary>Sends <paramref name="text"/> and returns what comes back (the echo).</summary>
    public async Task<string> EchoAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        await _stream.WriteAsync(bytes, cancellationToken);
        var buffer = new byte[bytes.Length];
        await _stream.ReadExactlyAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer);
    }

    public void Dispose() => _tcp.Dispose();
}
