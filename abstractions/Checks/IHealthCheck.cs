namespace Vigil.Abstractions.Checks;

/// <summary>One configured check of one real server.</summary>
public interface IHealthCheck
{
    /// <summary>
    /// Probes the server once. Retries, connect timeouts and the delay loop are the caller's business,
    /// driven by the block's own settings; a probe must honour <paramref name="cancellationToken"/>.
    /// </summary>
    Task<CheckResult> RunAsync(CancellationToken cancellationToken);
}
