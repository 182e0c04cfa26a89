namespace Vigil.Plugins.Notify.Channels;

/// <summary>The names of the built-in channels, as rules write them.</summary>
internal static class ChannelNames
{
    public const string Script = "script";
    public const string Email = "email";
    public const string Webhook = "webhook";
    public const string Fifo = "fifo";
}
