namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>keepalived's <c>http_protocol</c>: the request's HTTP version and whether it asks the server to close.</summary>
/// <param name="Version">HTTP/1.0 or HTTP/1.1.</param>
/// <param name="Close">True to send <c>Connection: close</c>.</param>
internal sealed record HttpProtocol(Version Version, bool Close)
{
    /// <summary>keepalived's default, plain HTTP/1.0.</summary>
    public static HttpProtocol Default { get; } = new(System.Net.HttpVersion.Version10, false);

    /// <summary>Parses <c>1.0</c>, <c>1.0C</c> (close), <c>1.0K</c> (keep-alive) or <c>1.1</c>.</summary>
    public static HttpProtocol? Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "1.0" or "1.0K" => Default,
        "1.0C" => new(System.Net.HttpVersion.Version10, true),
        "1.1" => new(System.Net.HttpVersion.Version11, false),
        _ => null,
    };
}
