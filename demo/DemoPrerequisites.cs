namespace Vigil.Demo;

/// <summary>The tools and files the demo needs, each missing one named with where it comes from.</summary>
internal static class DemoPrerequisites
{
    private static readonly (string Tool, string Package)[] Tools =
    [
        ("ip", "iproute2"), ("unshare", "util-linux"), ("nsenter", "util-linux"), ("setsid", "util-linux"),
        ("killall", "psmisc"), ("sleep", "coreutils"),
    ];

    /// <summary>One line per missing prerequisite; empty when the demo can run.</summary>
    public static IReadOnlyList<string> Missing(DemoDaemon daemon)
    {
        var problems = Tools.Where(t => !OnPath(t.Tool)).Select(t => $"needs '{t.Tool}' (Debian package {t.Package})").ToList();
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
