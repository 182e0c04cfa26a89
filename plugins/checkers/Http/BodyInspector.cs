using Vigil.Plugins.Checkers.Checkers;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// What one GET looks at in the body as it streams past: its digest when one is wanted, its regex when one is set, and
/// nothing else (an observer, genhash --verbose, sees it all). It keeps no body: memory stays fixed however long the body is.
/// </summary>
/// <param name="digest">Where the body's digest is computed, or null.</param>
/// <param name="regex">The regex matcher, or null.</param>
/// <param name="statuses">The statuses whose body matters (any other fails on its status alone), or null for all.</param>
/// <param name="observer">Sees the head and the body as they come, or null.</param>
internal sealed class BodyInspector(BodyDigest? digest, BodyRegexMatcher? regex, StatusCodeSet? statuses, IHttpBodySink? observer = null) : IHttpBodySink
{
    /// <summary>True while reading further body bytes of an answer with <paramref name="status"/> can change the verdict.</summary>
    public bool WantsBody(int status) =>
        (statuses is null || statuses.Contains(status)) && (digest is not null || (regex is not null && regex.Found is null) || observer is not null);

    /// <inheritdoc />
    public void HeadLine(ReadOnlySpan<byte> line) => observer?.HeadLine(line);

    /// <inheritdoc />
    public void Body(ReadOnlySpan<byte> bytes)
    {
        digest?.Append(bytes);
        regex?.Append(bytes);
        observer?.Body(bytes);
    }
}
