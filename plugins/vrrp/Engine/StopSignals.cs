using System.Runtime.InteropServices;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// Starts the engine's shutdown the moment SIGTERM or SIGINT arrives, before the host's orderly stop reaches the VRRP
/// module: every MASTER sends its priority-0 advertisement at once, so a backup takes over after Skew_Time counted from
/// the signal, not from the end of the host's logging, awaits and thread-pool hops (keepalived does the same in its
/// signal handler). The host still stops the module as usual; by then the routers have already shut down. The signal's
/// default handling is left to the host.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private StopSignals(VrrpEngine engine) =>
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => engine.BeginShutdown()),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => engine.BeginShutdown()),
        ];

    /// <summary>Registers the handlers for <paramref name="engine"/>.</summary>
    public static StopSignals Register(VrrpEngine engine) => new(engine);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
