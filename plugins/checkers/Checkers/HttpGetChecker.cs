using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>
/// keepalived's HTTP_GET: every <c>url</c> must answer with an accepted status (<c>status_code</c>, 200-299 by default)
/// and, when written, a body with that MD5 (<c>digest</c>) and matching <c>regex</c>, within <c>connect_timeout</c>
/// per url from connect to the answer's end.
/// </summary>
public sealed class HttpGetChecker : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "HTTP_GET";

    /// <inheritdoc />
    /// <remarks>keepalived's HTTP defaults: retry 1, delay_before_retry 3 s.</remarks>
    public CheckerSchema Schema { get; } = new(HttpGetSpec.HttpKeywords) { DefaultDelayBeforeRetry = TimeSpan.FromSeconds(3) };

    /// <inheritdoc />
    public void Validate(ConfigBlock block) => HttpGetSpec.Read(block, null);

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(settings);
        var spec = HttpGetSpec.Read(new ConfigBlock(block, Name, PassedValidation.Report()), settings.Context.VirtualHost);
        return new HttpGetCheck(settings, UrlRequests.For(settings, spec, null, TimeProvider.System));
    }
}
