using System.Text.Json.Nodes;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Support;

/// <summary>
/// A real <c>vigil run</c> process with its own instance name, admin socket, pid file and metrics port,
/// so several can run side by side; disposing kills its process group.
/// </summary>
internal sealed class VigilInstance : IAsyncDisposable
{
    private VigilInstance(BackgroundProcess process, string directory, int metricsPort)
    {
        Process = process;
        Directory = directory;
        MetricsPort = metricsPort;
    }

    public BackgroundProcess Process { get; }

    public string Directory { get; }

    public int MetricsPort { get; }

    public string AdminSocket => Path.Combine(Directory, "admin.sock");

    public string PidFile => Path.Combine(Directory, "vigil.pid");

    public static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigil-it-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Common flags: plugins from <paramref name="pluginsDirectory"/>, only <paramref name="modules"/> enabled.</summary>
    public static List<string> Flags(string directory, string pluginsDirectory, int metricsPort, params string[] modules)
    {
        var flags = new List<string>
        {
            "--instance", "it-" + Path.GetFileName(directory),
            "--plugins-dir", pluginsDirectory,
            "--admin-socket", Path.Combine(directory, "admin.sock"),
            "-p", Path.Combine(directory, "vigil.pid"),
            "--set", $"StateDirectory={Path.Combine(directory, "state")}",
            "--set", $"RuntimeDirectory={Path.Combine(directory, "run")}",
            "--set", $"Metrics:Port={metricsPort}",
            "--set", "Modules:vrrp:Enabled=false",
            "--set", "Modules:notify:Enabled=false", "--set", "Modules:ipvs:Enabled=false", "--set", "Modules:checkers:Enabled=false", "--set", "Modules:smtp-check:Enabled=false",
        };
        foreach (var module in modules)
        {
            flags.AddRange(["--set", $"Modules:{module}:Enabled=true"]);
        }

        return flags;
    }

    public static Task<VigilInstance> StartAsync(string directory, string configFile, string pluginsDirectory, params string[] modules) =>
        StartAsync(directory, configFile, pluginsDirectory, [], modules);

    /// <summary>Starts with <paramref name="extraFlags"/> after the common ones (module settings, say).</summary>
    public static async Task<VigilInstance> StartAsync(string directory, string configFile, string pluginsDirectory, IEnumerable<string> extraFlags, params string[] modules)
    {
        var port = FreePort.Next();
        var args = new List<string> { "run", "-f", configFile };
        args.AddRange(Flags(directory, pluginsDirectory, port, modules));
        args.AddRange(extraFlags);
        var process = BackgroundProcess.Start(RepoPaths.VigilBinary, args);
        var instance = new VigilInstance(process, directory, port);
        await process.WaitForOutputAsync("Admin endpoint listening", TimeSpan.FromSeconds(30));
        return instance;
    }

    public async Task<JsonObject> StatusAsync()
    {
        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["status", "--json", "--admin-socket", AdminSocket]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();
}
