using System.Text.Json.Nodes;
using Vigil.Host.Runtime;
using Vigil.Host.Tests.Support;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Plugins;

/// <summary>
/// A plugin's own configuration file (the kvconf test plugin's <c>key = value</c> format) is loaded with the cluster
/// configuration: its errors come out as <c>file:line: error: …</c>, at check-config, at start and on reload, where a bad
/// file keeps the running configuration.
/// </summary>
public sealed class PluginConfigSourceTests
{
    [Fact]
    public async Task CheckConfig_BadPluginFile_PrintsFileAndLine_AndExitsOne()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var file = KvFile("name = one\nthis line has no equals sign\nname = two\n");

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", RuntimeHarness.EmptyClusterFile(), .. Flags(plugins, file)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [$"{file}:2: error: expected 'key = value', got 'this line has no equals sign'", $"{file}:3: warning: duplicate key 'name', the first one is used"],
            result.Lines);
    }

    [Fact]
    public async Task CheckConfig_GoodPluginFile_IsValid()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", RuntimeHarness.EmptyClusterFile(), .. Flags(plugins, KvFile("name = one\n"))]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public async Task Run_BadPluginFile_FailsToStartWithOneLine()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var file = KvFile("broken\n");
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), ["kvconf"], new Dictionary<string, string?> { ["Modules:kvconf:File"] = file });

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.Equal($"configuration {file} is invalid (1 errors)", failure);
    }

    [Fact]
    public async Task Reload_BadPluginFile_KeepsTheRunningValues_ThenAGoodOneApplies()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var file = KvFile("name = one\n");
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), ["kvconf"], new Dictionary<string, string?> { ["Modules:kvconf:File"] = file });
        Assert.Null(await runtime.StartAsync(CancellationToken.None));
        Assert.Equal("one", Values(runtime)["name"]!.GetValue<string>());
        Assert.Contains(file, runtime.GetStatus()["configFiles"]!.AsArray().Select(f => f!.GetValue<string>()));

        await File.WriteAllTextAsync(file, "name = two\noops\n");
        var rejected = await runtime.ReloadAsync(CancellationToken.None);

        Assert.Equal([$"{file}:2: error: expected 'key = value', got 'oops'"], rejected.Select(i => i.ToString()));
        Assert.Equal("one", Values(runtime)["name"]!.GetValue<string>());
        Assert.Equal(0, Detail(runtime)["reloads"]!.GetValue<int>());

        await File.WriteAllTextAsync(file, "name = two\n");
        Assert.Empty(await runtime.ReloadAsync(CancellationToken.None));
        Assert.Equal("two", Values(runtime)["name"]!.GetValue<string>());
        await runtime.StopAsync();
    }

    [Fact]
    public async Task Start_CreatesTheModulesStateAndRuntimeDirectories_Mode0700()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "kvconf");

        Assert.Null(await runtime.StartAsync(CancellationToken.None));

        Assert.Equal("700", Detail(runtime)["stateDirectoryMode"]!.GetValue<string>());
        Assert.Equal("700", Detail(runtime)["runtimeDirectoryMode"]!.GetValue<string>());
        await runtime.StopAsync();
    }

    private static JsonObject Detail(VigilRuntime runtime) =>
        runtime.GetStatus()["modules"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "kvconf")!["status"]!.AsArray()[0]!.AsObject();

    private static JsonObject Values(VigilRuntime runtime) => Detail(runtime)["values"]!.AsObject();

    private static string KvFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-kv-{Guid.NewGuid():N}.kv");
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Flags(string plugins, string file) =>
    [
        "--plugins-dir", plugins, "--set", "Modules:vrrp:Enabled=false", "--set", "Modules:notify:Enabled=false", "--set", "Modules:ipvs:Enabled=false", "--set", "Modules:checkers:Enabled=false", "--set", "Modules:smtp-check:Enabled=false",
        "--set", "Modules:kvconf:Enabled=true", "--set", $"Modules:kvconf:File={file}",
    ];
}
