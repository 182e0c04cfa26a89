using System.Runtime.Loader;
using Autofac;
using Vigil.Abstractions.Status;
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
        // Other tests load the vrrp plugin too, each copy in a context of its own: look at this runtime's.
        var vrrp = runtime.Container!.Resolve<IEnumerable<IStatusSource>>().Single(s => s.Module == "vrrp").GetType().Assembly;
        await runtime.StopAsync();

        var folder = Path.Combine(RepoPaths.PluginsDirectory, "vrrp");
        Assert.Contains(vrrp, marked);
        Assert.Equal(folder, Path.GetDirectoryName(vrrp.Location));
        var linux = Assert.Single(marked, a => a.GetName().Name == "Vigil.Linux" && AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.GetLoadContext(vrrp));
        Assert.Equal(folder, Path.GetDirectoryName(linux.Location));
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(linux));
    }
}
