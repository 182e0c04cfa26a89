using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Support;

/// <summary>
/// Builds the plugins under tests/plugins — projects outside the solution, as a third party's would be —
/// once per test run, into artifacts/test-plugins/&lt;name&gt;/.
/// </summary>
public static class TestPlugins
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _built;

    public static string Directory => Path.Combine(RepoPaths.Root, "artifacts", "test-plugins");

    public static async Task<string> EnsureBuiltAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!_built)
            {
                foreach (var plugin in new[] { "alpha", "beta", "broken", "smtpcheck", "httpecho" })
                {
                    var project = Path.Combine(RepoPaths.Root, "tests", "plugins", plugin, plugin + ".csproj");
                    var result = await Command.RunAsync("dotnet", ["build", project, "-nologo", "-v", "q", "-c", RepoPaths.Configuration], TimeSpan.FromMinutes(3));
                    Assert.True(result.ExitCode == 0, $"building {plugin} failed:\n{result.Stdout}{result.Stderr}");
                }

                _built = true;
            }

            return Directory;
        }
        finally
        {
            Gate.Release();
        }
    }
}
