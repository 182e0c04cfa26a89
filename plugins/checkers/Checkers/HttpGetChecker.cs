using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>
/// keepalived's HTTP_GET: every <c>url</c> must answer with an accepted status (<c>status_code</c>, 200-299 by default)
/// and, when <c>digest</c> is written, a body with that MD5, within <c>connect_timeout</c> per request.
/// </summary>
public sealed class HttpGetChecker : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "HTTP_GET";

    /// <inheritdoc />
    /// <remarks>keepalived's HTTP defaults: retry 1, delay_before_retry 3 s.</remarks>
    public CheckerSchema Schema { get; } = new(["url", "virtualhost", "http_protocol"]) { DefaultDelayBeforeRetry = TimeSpan.FromSeconds(3) };

    /// <inheritdoc />
    public void Validate(ConfigBlock block) => HttpGetSpec.Read(block, null);

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(settings);
        var spec = HttpGetSpec.Read(new ConfigBlock(block, Name, new ValidationReport(NoLocator.Instance)), settings.Context.VirtualHost);
        return new HttpGetCheck(settings, spec);
    }

    /// <summary>Create reads a block validation already passed, so its report is never shown and needs no locations.</summary>
    private sealed class NoLocator : IConfigLocator
    {
        public static readonly NoLocator Instance = new();

        public SourceLocation? Locate(string path) => null;
    }
}
