using Vigil.Host.Cli;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Cli;

/// <summary>A plugin's offline tool on the command line: found after the host's options, handed its words untouched.</summary>
public sealed class ToolCommandTests
{
    private static readonly string[] OnlyKvconf =
    [
        "--set", "Modules:vrrp:Enabled=false", "--set", "Modules:notify:Enabled=false", "--set", "Modules:ipvs:Enabled=false",
        "--set", "Modules:checkers:Enabled=false", "--set", "Modules:kvconf:Enabled=true",
    ];

    [Theory]
    [InlineData("genhash -s 1.2.3.4", 0)]
    [InlineData("--host-config h.json --set A=1 --plugins-dir=/p genhash", 5)]
    [InlineData("-f x.conf tool -p 80", 2)]
    [InlineData("check-config -f x", -1)]
    [InlineData("-n genhash", -1)]
    [InlineData("--set", -1)]
    [InlineData("", -1)]
    public void ToolWord_IsTheFirstWordAfterHostOptionsThatIsNoBuiltInCommand(string line, int expected)
    {
        Assert.Equal(expected, ToolCommand.ToolWord(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task PluginTool_RunsWithoutADaemon_AndGetsOptionsTheHostAlsoHas()
    {
        await TestPlugins.EnsureBuiltAsync("kvconf");
        var plugins = TestPlugins.LinkWithSolutionPlugins(Path.Combine(Path.GetTempPath(), $"vigil-tools-{Guid.NewGuid():N}"), "kvconf");
        var file = Path.Combine(plugins, "values.kv");
        await File.WriteAllTextAsync(file, "a = 1\nb = 2\n");
        try
        {
            // -p and -P are the host's --pid and --vrrp; after the tool's name they are the tool's.
            var result = await Command.RunAsync(RepoPaths.VigilBinary, ["--plugins-dir", plugins, .. OnlyKvconf, "kvcount", file, "-p", "80", "-P", "1.1"]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("2 keys; -p 80 -P 1.1", result.Stdout.Trim());

            var missing = await Command.RunAsync(RepoPaths.VigilBinary, ["--plugins-dir", plugins, .. OnlyKvconf, "kvcount", "/nonexistent.kv"]);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("cannot read /nonexistent.kv", missing.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(plugins, recursive: true);
        }
    }

    [Fact]
    public async Task AWordNoPluginNamesAsATool_GoesOnToTheDeclaredCommands()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"vigil-none-{Guid.NewGuid():N}.sock");
        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["--admin-socket", socket, .. OnlyKvconf, "--plugins-dir", await TestPlugins.EnsureBuiltAsync("kvconf"), "nosuchtool", "-p", "1"]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("vigil: unknown command 'nosuchtool", result.Stderr.Trim(), StringComparison.Ordinal);
    }
}
