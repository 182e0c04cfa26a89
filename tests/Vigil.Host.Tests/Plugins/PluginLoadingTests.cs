using System.Text.Json.Nodes;
using Vigil.Host.Tests.Support;
using Vigil.Testing;

namespace Vigil.Host.Tests.Plugins;

public sealed class PluginLoadingTests
{
    [Fact]
    public async Task StartAsync_TwoPluginsWithDifferentVersionsOfOnePrivateDependency_EachUsesItsOwn()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "alpha", "beta");

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.Null(failure);
        var modules = runtime.GetStatus()["modules"]!.AsArray().Select(m => m!.AsObject()).ToDictionary(m => m["name"]!.GetValue<string>());
        Assert.Equal("running", modules["alpha"]["state"]!.GetValue<string>());
        Assert.Equal("v1", Detail(modules["alpha"])["dependency"]!.GetValue<string>());
        Assert.Equal("1.0.0.0", Detail(modules["alpha"])["assemblyVersion"]!.GetValue<string>());
        Assert.Equal("v2", Detail(modules["beta"])["dependency"]!.GetValue<string>());
        Assert.Equal("2.0.0.0", Detail(modules["beta"])["assemblyVersion"]!.GetValue<string>());
        await runtime.StopAsync();
    }

    [Fact]
    public async Task StartAsync_EnabledModuleMissing_FailsWithOneLineNamingModuleAndFolder()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "alpha", "ghost");

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.Equal($"module 'ghost': plugin folder {Path.Combine(plugins, "ghost")} not found", failure);
    }

    [Fact]
    public async Task StartAsync_ModuleThrowsAtStart_FailsNamingModuleAndCause_AndStopsTheOthers()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "alpha", "broken");

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.Equal("module 'broken': failed to start: cannot open /dev/broken: no such device", failure);
        var alpha = runtime.GetStatus()["modules"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "alpha");
        Assert.Equal("stopped", alpha!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartAsync_FolderWithoutPluginAssembly_FailsWithClearCause()
    {
        var plugins = Path.Combine(Path.GetTempPath(), "vigil-plugins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(plugins, "empty"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "empty", "readme.txt"), "not a plugin");
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "empty");

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.Equal($"module 'empty': no plugin assembly in {Path.Combine(plugins, "empty")} (expected empty.dll or exactly one *.deps.json beside its assembly)", failure);
    }

    [Fact]
    public async Task StartAsync_CorruptPluginAssembly_FailsWithClearCause()
    {
        var plugins = Path.Combine(Path.GetTempPath(), "vigil-plugins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(plugins, "corrupt"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "corrupt", "corrupt.dll"), "MZ this is not a PE file");
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "corrupt");

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.NotNull(failure);
        Assert.StartsWith($"module 'corrupt': cannot load {Path.Combine(plugins, "corrupt", "corrupt.dll")}: ", failure);
    }

    [Fact]
    public async Task StartAsync_DisabledModuleWithCorruptAssembly_IsNeverLoaded()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var corrupt = Path.Combine(plugins, "disabled-corrupt");
        Directory.CreateDirectory(corrupt);
        await File.WriteAllTextAsync(Path.Combine(corrupt, "disabled-corrupt.dll"), "MZ this is not a PE file");
        await using var runtime = RuntimeHarness.Create(
            plugins,
            RuntimeHarness.EmptyClusterFile(),
            ["alpha"],
            new Dictionary<string, string?> { ["Modules:disabled-corrupt:Enabled"] = "false" });

        Assert.Null(await runtime.StartAsync(CancellationToken.None));

        var names = runtime.GetStatus()["modules"]!.AsArray().Select(m => m!["name"]!.GetValue<string>());
        Assert.Equal(["alpha"], names);
        await runtime.StopAsync();
    }

    private static JsonObject Detail(JsonObject module) => module["status"]!.AsArray().Single()!.AsObject();
}
