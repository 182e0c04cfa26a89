using Vigil.Abstractions.Modules;
using Vigil.Host.Tests.Support;
using Vigil.Testing;

namespace Vigil.Host.Tests.Plugins;

/// <summary>keepalived's -P and -C pick modules by what they declare and register, not by name.</summary>
public sealed class ModuleRolesTests
{
    [Theory]
    [InlineData(ModuleRoles.Vrrp, new[] { "alpha" })]
    [InlineData(ModuleRoles.VirtualServers, new[] { "alpha", "smtpcheck" })]
    public async Task StartAsync_OneSide_RunsThatSideAndModulesWithoutRole(ModuleRoles side, string[] expected)
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), ["alpha", "smtpcheck"], new Dictionary<string, string?>(), side);

        Assert.Null(await runtime.StartAsync(CancellationToken.None));

        var running = runtime.GetStatus()["modules"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(expected, running);
        await runtime.StopAsync();
    }

    [Fact]
    public async Task StartAsync_VirtualServerSide_LeavesOutTheVrrpModuleWhichDeclaresItsRole()
    {
        await using var runtime = RuntimeHarness.Create(RepoPaths.PluginsDirectory, RuntimeHarness.EmptyClusterFile(), ["notify", "vrrp"], new Dictionary<string, string?>(), ModuleRoles.VirtualServers);

        Assert.Null(await runtime.StartAsync(CancellationToken.None));

        Assert.Equal(["notify"], runtime.GetStatus()["modules"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        await runtime.StopAsync();
    }
}
