using Vigil.Testing.Processes;
using Xunit;

namespace Vigil.Testing;

/// <summary>
/// Builds the plugins under tests/plugins — projects outside the solution, as a third party's would be —
/// once per test run, into artifacts/test-plugins/&lt;name&gt;/.
/// </summary>
public static class TestPlugins
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<string> Built = [];

    public static string Directory => Path.Combine(RepoPaths.Root, "artifacts", "test-plugins");

    /// <summary>Builds <paramref name="plugins"/> (every test plugin when none is named) and returns <see cref="Directory"/>.</summary>
    public static async Task<string> EnsureBuiltAsync(params string[] plugins)
    {
        await Gate.WaitAsync();
        try
        {
            foreach (var plugin in plugins.Length > 0 ? plugins : All())
            {
                if (Built.Contains(plugin))
                {
                    continue;
                }

                var result = await Command.RunAsync("dotnet", ["build", Project(plugin), "-nologo", "-v", "q", "-c", RepoPaths.Configuration], TimeSpan.FromMinutes(3));
                Assert.True(result.ExitCode == 0, $"building {plugin} failed:\n{result.Stdout}{result.Stderr}");
                Built.Add(plugin);
            }

            return Directory;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Fills <paramref name="target"/> with symbolic links to the solution's plugins and to the built test plugins
    /// <paramref name="plugins"/>: one plugins directory for a daemon that runs both (the host reads only one).
    /// </summary>
    public static string LinkWithSolutionPlugins(string target, params string[] plugins)
    {
        System.IO.Directory.CreateDirectory(target);
        var folders = System.IO.Directory.GetDirectories(RepoPaths.PluginsDirectory).Concat(plugins.Select(p => Path.Combine(Directory, p)));
        foreach (var folder in folders)
        {
            System.IO.Directory.CreateSymbolicLink(Path.Combine(target, Path.GetFileName(folder)), folder);
        }

        return target;
    }

    private static string Project(string plugin) => Path.Combine(RepoPaths.Root, "tests", "plugins", plugin, plugin + ".csproj");

    /// <summary>Every folder under tests/plugins with a project named after it (the TestDep libraries are not plugins).</summary>
    private static IEnumerable<string> All() =>
        System.IO.Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests", "plugins"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(p => File.Exists(Project(p)))
            .Order(StringComparer.Ordinal);
}
