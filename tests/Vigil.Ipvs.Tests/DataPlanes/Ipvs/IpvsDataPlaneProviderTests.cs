using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

namespace Vigil.Ipvs.Tests.DataPlanes.Ipvs;

public class IpvsDataPlaneProviderTests
{
    [Fact]
    public void Name_IsWhatDataPlaneSpells()
    {
        Assert.Equal("ipvs", new IpvsDataPlaneProvider(NullLoggerFactory.Instance).Name);
    }

    /// <summary>
    /// This machine's kernel has no ip_vs module, so the plane is unavailable and says why; on a kernel with ip_vs (which
    /// asking may load) the plane is created and talks to it. Whether ip_vs is there is read after asking.
    /// </summary>
    [Fact]
    public async Task Unavailable_WithoutIpVs_SaysSo_ElseCreateWorks()
    {
        var provider = new IpvsDataPlaneProvider(NullLoggerFactory.Instance);

        var why = provider.Unavailable();

        if (!Directory.Exists("/sys/module/ip_vs"))
        {
            Assert.Equal("the kernel has no IPVS generic netlink family (ip_vs not loaded)", why);
            var e = Assert.Throws<DataPlaneException>(provider.Create);
            Assert.Equal("data_plane ipvs cannot run: the kernel has no IPVS generic netlink family (ip_vs not loaded)", e.Message);
        }
        else if (why is not null)
        {
            Assert.StartsWith("IPVS needs CAP_NET_ADMIN", why, StringComparison.Ordinal);
        }
        else
        {
            await using var plane = provider.Create();
            await plane.ApplyAsync([], default);
            Assert.Empty(await plane.ReadCountersAsync(default));
        }
    }
}
