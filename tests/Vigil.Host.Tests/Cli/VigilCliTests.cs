using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Cli;

/// <summary>The daemon's command line as a whole, through the real executable.</summary>
public sealed class VigilCliTests
{
    [Fact]
    public async Task Demo_IsNotADaemonCommand_IsAUsageErrorNamingIt()
    {
        // The demo is a program of the source tree (./vigil demo runs demo/); the daemon knows nothing of it. Words that are
        // no built-in command may be a module's declared command, which only a running instance can tell.
        var socket = Path.Combine(Path.GetTempPath(), $"vigil-none-{Guid.NewGuid():N}.sock");
        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["demo", "--admin-socket", socket]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"vigil: unknown command 'demo' (modules declare further commands, but no running instance answers on {socket}); 'vigil --help' lists the built-in ones",
            result.Stderr.Trim());
    }
}
