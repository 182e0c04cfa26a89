namespace Vigil.Abstractions.Checks;

/// <summary>What a checker block may contain and the defaults that differ between checkers.</summary>
/// <param name="Keywords">The checker's own keywords and sub-blocks (<c>url</c>, <c>helo_name</c>); anything else not standard is an error.</param>
/// <param name="Standard">Which standard keywords it takes besides its own.</param>
public sealed record CheckerSchema(IReadOnlyCollection<string> Keywords, StandardCheckerOptions Standard = StandardCheckerOptions.All)
{
    /// <summary><c>retry</c> when none is written: keepalived's 1, DNS_CHECK 3, MISC_CHECK 0. Defaults to 1.</summary>
    public int DefaultRetry { get; init; } = 1;

    /// <summary>
    /// <c>delay_before_retry</c> when none is written: keepalived's 1 s, HTTP_GET and SSL_GET 3 s; null means the
    /// check's <c>delay_loop</c> (DNS_CHECK). Defaults to 1 second.
    /// </summary>
    public TimeSpan? DefaultDelayBeforeRetry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The port probed when <c>connect_port</c> is not written; null means the real server's port (what keepalived's checkers do).</summary>
    public int? DefaultConnectPort { get; init; }
}
