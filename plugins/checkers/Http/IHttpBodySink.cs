namespace Vigil.Plugins.Checkers.Http;

/// <summary>Receives a response as <see cref="HttpResponseParser"/> decodes it: its head lines, then its body bytes.</summary>
internal interface IHttpBodySink
{
    /// <summary>One line of the head (the status line, then each header), without its line end.</summary>
    void HeadLine(ReadOnlySpan<byte> line);

    /// <summary>The next bytes of the body, chunked framing removed.</summary>
    void Body(ReadOnlySpan<byte> bytes);
}
