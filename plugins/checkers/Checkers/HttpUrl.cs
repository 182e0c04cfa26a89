using Vigil.Plugins.Checkers.Http;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>One <c>url</c> block of HTTP_GET or SSL_GET.</summary>
/// <param name="Path">The request path (<c>/health?deep=1</c>).</param>
/// <param name="Statuses">The accepted statuses.</param>
/// <param name="Digest">The MD5 of the body the server must send, lower-case hex, or null for any body.</param>
/// <param name="VirtualHost">The Host header: the url's <c>virtualhost</c>, else the checker's, else the real or virtual server's; null for the address.</param>
/// <param name="Regex">The body must match it (or, with <c>regex_no_match</c>, must not), or null.</param>
/// <param name="TlsCompliant">SSL_GET's <c>tls_compliant</c> for this url.</param>
internal sealed record HttpUrl(string Path, StatusCodeSet Statuses, string? Digest, string? VirtualHost, BodyRegex? Regex = null, bool TlsCompliant = false);
