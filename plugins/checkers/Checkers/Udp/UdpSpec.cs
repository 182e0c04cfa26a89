using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers.Udp;

/// <summary>A UDP_CHECK block's own keywords.</summary>
/// <param name="Payload">What is sent; keepalived's 32 filler bytes when <c>payload</c> is not written.</param>
/// <param name="RequireReply"><c>require_reply</c>: no reply within connect_timeout is a failure.</param>
/// <param name="Reply">The expected start of the reply (<c>require_reply HEX</c>), or null.</param>
/// <param name="MinLength"><c>min_reply_length</c> (0).</param>
/// <param name="MaxLength"><c>max_reply_length</c> (255).</param>
internal sealed record UdpSpec(byte[] Payload, bool RequireReply, HexPattern? Reply, int MinLength, int MaxLength)
{
    /// <summary>What keepalived sends without <c>payload</c> (layer4.c's set_buf over 32 bytes).</summary>
    public static readonly byte[] DefaultPayload = [.. "keepalived check - keepalived ch"u8];

    /// <summary>Reads <paramref name="block"/>, reporting every problem.</summary>
    public static UdpSpec Read(ConfigBlock block)
    {
        var payload = DefaultPayload;
        if (block.String("payload") is { } payloadText)
        {
            if (HexPattern.Parse(payloadText, wildcards: false) is { } parsed)
            {
                payload = parsed.Data;
            }
            else
            {
                block.Error("payload", $"invalid hex payload '{payloadText}' in {block.Context}");
            }
        }

        HexPattern? reply = null;
        var replyText = block.String("require_reply");
        var required = replyText is not null;
        // A bare require_reply reads as "true": a reply of any content is required.
        if (replyText is not null && replyText != "true")
        {
            reply = HexPattern.Parse(replyText, wildcards: true);
            if (reply is null)
            {
                block.Error("require_reply", $"invalid hex require_reply '{replyText}' in {block.Context}");
            }
        }

        var min = block.Int("min_reply_length", 0, ushort.MaxValue) ?? 0;
        var max = block.Int("max_reply_length", 0, ushort.MaxValue) ?? byte.MaxValue;
        if (min > max)
        {
            block.Error("min_reply_length", $"min_reply_length {min} is above max_reply_length {max} in {block.Context}");
        }

        return new UdpSpec(payload, required, reply, min, max);
    }
}
