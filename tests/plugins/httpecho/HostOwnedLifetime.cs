using Microsoft.Extensions.Hosting;

namespace Vigil.TestPlugins.HttpEcho;

/// <summary>
/// Replaces the generic host's <c>ConsoleLifetime</c>, which would stop Kestrel on SIGTERM by itself and print a
/// "Press Ctrl+C" banner: the daemon owns the signals and stops modules in reverse order through <c>StopAsync</c>.
/// </summary>
internal sealed class HostOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
