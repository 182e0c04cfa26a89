namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// One instance's encoded advertisements (one per destination), kept while priority and interval stay the same: a
/// MASTER sends identical bytes every interval, so encoding and the checksum run once per change, not once per advert.
/// Used by the instance's runner thread only.
/// </summary>
internal sealed class AdvertCache
{
    private int _key = -1;
    private byte[][] _messages = [];

    /// <summary>The messages stored for <paramref name="priority"/> and <paramref name="interval"/>, if those are the last ones.</summary>
    public bool TryGet(byte priority, ushort interval, out byte[][] messages)
    {
        messages = _messages;
        return Key(priority, interval) == _key;
    }

    /// <summary>Replaces the stored messages with those for <paramref name="priority"/> and <paramref name="interval"/>.</summary>
    public void Store(byte priority, ushort interval, byte[][] messages)
    {
        _messages = messages;
        _key = Key(priority, interval);
    }

    private static int Key(byte priority, ushort interval) => (priority << 16) | interval;
}
