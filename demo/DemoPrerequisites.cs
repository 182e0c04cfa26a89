using System.Runtime.InteropServices;

namespace Vigil.Demo;

/// <summary>The tools and files the demo needs, each missing one named with where it comes from.</summary>
internal static class DemoPrerequisites
{
    private static readonly (string Tool, string Package)[] Tools =
    [
        ("ip", "iproute2"), ("unshare", "util-linux"), ("nsenter", "util-linux"), ("setsid", "util-linux"),
        ("killall", "psmisc"), ("sleep", "coreutils"), ("ss", "iproute2"), ("sysctl", "procps"),
    ];

    /// <summary>The plugins the cluster story's directors load, beside the VRRP one.</summary>
    private static readonly string[] ClusterPlugins = ["ipvs", "checkers"];

    /// <summary>
    /// One line per missing prerequisite; empty when the demo can run. <paramref name="cluster"/>: the IPVS cluster
    /// story runs too, which needs the virtual server and checker plugins and libnftables.
    /// </summary>
    public static IReadOnlyList<string> Missing(DemoDaemon daemon, bool cluster)
    {
        var problems = Tools.Where(t => !OnPath(t.Tool)).Select(t => $"needs '{t.Tool}' (Debian package {t.Package})").ToList();
        if (cluster)
        {
            problems.AddRange(ClusterPlugins.Where(p => !Directory.Exists(Path.Combine(daemon.Plugins, p)))
                .Select(p => $"the {p} plugin is not in {daemon.Plugins} (build: dotnet build plugins.sln)"));
            if (!NativeLibrary.TryLoad("libnftables.so.1", out var nftables))
            {
                problems.Add("needs libnftables.so.1 for the cluster story's nftables data plane (Debian package libnftables1)");
            }
            else
            {
                NativeLibrary.Free(nftables);
            }
        }

        if (daemon.Name == "keepalived" && !OnPath("keepalived"))
        {
            problems.Add("needs 'keepalived' for --keepalived");
        }

        if (!File.Exists(daemon.Vigil))
        {
            problems.Add($"the vigil executable is not at {daemon.Vigil}");
        }

        if (!File.Exists(DemoCommand.Executable))
        {
            problems.Add($"the demo's own executable, which runs the web server and the client, is not at {DemoCommand.Executable}");
        }

        if (daemon.Name != "keepalived" && !Directory.Exists(Path.Combine(daemon.Plugins, "vrrp")))
        {
            problems.Add($"the VRRP plugin is not in {daemon.Plugins} (build: dotnet build plugins.sln)");
        }

        return problems;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
