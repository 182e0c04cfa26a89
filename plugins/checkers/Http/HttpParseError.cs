namespace Vigil.Plugins.Checkers.Http;

/// <summary>Why <see cref="HttpResponseParser"/> gave up.</summary>
internal enum HttpParseError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The bytes are not an HTTP/1.x response.</summary>
    Malformed,

    /// <summary>The stream ended before the response did.</summary>
    Truncated,
}
