using System.Runtime.Loader;
using Vigil.Host.Runtime;
using Vigil.Host.Tests.Support;
using Vigil.Testing;

namespace Vigil.Host.Tests.Runtime;

public sealed class WarmUpTests
{
    /// <summary>
    /// The VRRP plugin's takeover path runs through Vigil.Linux (netlink address adds, gratuitous ARP): once the module
    /// has started, the library is loaded from the plugin's own folder into the plugin's load context, and warm-up sees
    /// its [Precompile] mark there.
    /// </summary>
    [Fact]
    public async Task MarkedAssemblies_AfterVrrpStarted_IncludeTheLinuxLibraryFromThePluginFolder()
    {
        await using var runtime = RuntimeHarness.Create(RepoPaths.PluginsDirectory, RuntimeHarness.EmptyClusterFile(), "vrrp");
        Assert.Null(await runtime.StartAsync(CancellationToken.None));

        var marked = WarmUp.MarkedAssemblies();
        await runtime.StopAsync();

        var folder = Path.Combine(RepoPaths.PluginsDirectory, "vrrp");
        var vrrp = Assert.Single(marked, a => a.GetName().Name == "Vigil.Plugins.Vrrp" && Path.GetDirectoryName(a.Location) == folder);
        var linux = Assert.Single(marked, a => a.GetName().Name == "Vigil.Linux" && Path.GetDirectoryName(a.Location) == folder);
        Assert.Same(AssemblyLoadContext.GetLoadContext(vrrp), AssemblyLoadContext.GetLoadContext(linux));
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(linux));
    }
}
