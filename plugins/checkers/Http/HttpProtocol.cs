namespace Vigil.Plugins.Checkers.Http;

/// <summary>keepalived's <c>http_protocol</c>: the request's HTTP minor version and whether it asks the server to close.</summary>
/// <param name="Minor">0 for HTTP/1.0, 1 for HTTP/1.1.</param>
/// <param name="Close">True to send <c>Connection: close</c>.</param>
internal sealed record HttpProtocol(int Minor, bool Close)
{
    /// <summary>keepalived's default, plain HTTP/1.0.</summary>
    public static HttpProtocol Default { get; } = new(0, false);

    /// <summary>
    /// Parses <c>1.0</c>, <c>1.0C</c> (close), <c>1.0K</c> (keep-alive) or <c>1.1</c>, which, as in keepalived, also sends
    /// <c>Connection: close</c>: a probe never reuses its connection.
    /// </summary>
    public static HttpProtocol? Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "1.0" or "1.0K" => Default,
        "1.0C" => new(0, true),
        "1.1" => new(1, true),
        _ => null,
    };
}
