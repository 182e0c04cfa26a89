using System.Security.Cryptography;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// The digest of a response body as keepalived's genhash computes it (the MD5 of the body bytes, lower-case hex; what
/// <c>curl URL | md5sum</c> prints). HTTP_GET, SSL_GET and <c>vigil genhash</c> all compute it here.
/// </summary>
internal sealed class BodyDigest : IDisposable
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

    /// <summary>Adds the next body bytes.</summary>
    public void Append(ReadOnlySpan<byte> bytes) => _md5.AppendData(bytes);

    /// <summary>The digest of everything appended since the last call, which starts the next body.</summary>
    public string Finish()
    {
        Span<byte> hash = stackalloc byte[16];
        _md5.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <inheritdoc />
    public void Dispose() => _md5.Dispose();
}
