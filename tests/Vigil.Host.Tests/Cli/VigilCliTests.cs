using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Cli;

/// <summary>The daemon's command line as a whole, through the real executable.</summary>
public sealed class VigilCliTests
{
    [Fact]
    public async Task Demo_IsNotADaemonCommand_ExitsOneNamingIt()
    {
        // The demo is a program of the source tree (./vigil demo runs demo/); the daemon knows nothing of it.
        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["demo"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'demo'", result.Stderr);
    }
}
