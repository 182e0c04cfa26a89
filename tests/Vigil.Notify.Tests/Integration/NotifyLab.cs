using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Testing;
using Vigil.Testing.Netns;

namespace Vigil.Notify.Tests.Integration;

/// <summary>
/// A netns lab whose nodes each get a directory with the seed's notify.sh, and helpers to start receivers and
/// <c>vigil run</c> inside a node's namespace (each namespace has its own loopback, so fixed ports do not collide).
/// Every process is started through the lab, which stops them all before deleting the namespaces.
/// </summary>
internal sealed class NotifyLab : IAsyncDisposable
{
    public const string Vip = "10.77.0.100";
    public const int SmtpPort = 2525;
    public const int HookPort = 8080;

    private readonly List<(string Role, LabProcess Process)> _daemons = [];

    private NotifyLab(NetnsLab lab, string directory)
    {
        Lab = lab;
        Directory = directory;
    }

    public NetnsLab Lab { get; }

    public string Directory { get; }

    public static async Task<NotifyLab> CreateAsync(params string[] roles)
    {
        var lab = await NetnsLab.CreateAsync(roles);
        var notify = new NotifyLab(lab, Path.Combine("/tmp", lab.Prefix));
        try
        {
            foreach (var role in roles)
            {
                System.IO.Directory.CreateDirectory(notify.NodeDirectory(role));
                var script = notify.NotifyScript(role);
                await File.WriteAllTextAsync(script, SeedNotifyScript.Text(notify.Notified(role)));
                File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("755", 8));
            }

            await File.WriteAllTextAsync(Path.Combine(notify.Directory, "smtpd.py"), ReceiverScripts.Smtp);
            await File.WriteAllTextAsync(Path.Combine(notify.Directory, "hookd.py"), ReceiverScripts.Http);
            return notify;
        }
        catch
        {
            await notify.DisposeAsync();
            throw;
        }
    }

    public string NodeDirectory(string role) => Path.Combine(Directory, role);

    public string NotifyScript(string role) => Path.Combine(NodeDirectory(role), "notify.sh");

    /// <summary>The file the node's notify.sh appends each state it was called for to.</summary>
    public string Notified(string role) => Path.Combine(NodeDirectory(role), "notified");

    public string MailFile(string role) => Path.Combine(NodeDirectory(role), "mail.txt");

    public string HookFile(string role, int port) => Path.Combine(NodeDirectory(role), $"hook-{port}.jsonl");

    /// <summary>Lines the node's notify.sh wrote.</summary>
    public string[] NotifiedStates(string role) => ReadLines(Notified(role));

    /// <summary>Webhook payloads received by the node's receiver on <paramref name="port"/>, in arrival order.</summary>
    public JsonNode[] Payloads(string role, int port) => ReadLines(HookFile(role, port)).Select(l => JsonNode.Parse(l)!).ToArray();

    /// <summary>Subject headers of the mails the node's SMTP server received, in arrival order (folded lines unfolded).</summary>
    public string[] MailSubjects(string role) => Mail(role).Split('\n')
        .Where(l => l.StartsWith("Subject: ", StringComparison.Ordinal))
        .Select(l => l["Subject: ".Length..].TrimEnd('\r'))
        .ToArray();

    /// <summary>Everything the node's SMTP server received.</summary>
    public string Mail(string role) => File.Exists(MailFile(role))
        ? File.ReadAllText(MailFile(role)).Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal)
        : "";

    /// <summary>aiosmtpd on 127.0.0.1:<see cref="SmtpPort"/> in the node's namespace, writing to <see cref="MailFile"/>.</summary>
    public Task<LabProcess> StartSmtpAsync(string role) =>
        StartReceiverAsync(role, "smtpd.py", SmtpPort, MailFile(role));

    /// <summary>The HTTP receiver on 127.0.0.1:<paramref name="port"/> in the node's namespace, writing to <see cref="HookFile"/>.</summary>
    public Task<LabProcess> StartHookAsync(string role, int port = HookPort) =>
        StartReceiverAsync(role, "hookd.py", port, HookFile(role, port));

    /// <summary>
    /// Writes the node's configuration and starts <c>vigil run</c> in its namespace: vrrp and notify only, or with
    /// <paramref name="virtualServers"/> the checkers and the virtual servers too.
    /// </summary>
    public LabProcess StartVigil(string role, string conf, bool virtualServers = false)
    {
        File.WriteAllText(ConfFile(role), conf);
        string[] modules = virtualServers
            ? ["--set", "Modules:checkers:Enabled=true", "--set", "Modules:ipvs:Enabled=true"]
            : ["--vrrp"];
        string[] command =
        [
            RepoPaths.VigilBinary, "run", "-f", ConfFile(role), .. modules,
            "--plugins-dir", RepoPaths.PluginsDirectory,
            "--instance", Lab.Prefix + role,
            "--admin-socket", Socket(role),
            "-p", Path.Combine(NodeDirectory(role), "vigil.pid"),
            "--set", "Metrics:Enabled=false",
            "--set", "Modules:vrrp:Enabled=true",
            "--set", "Modules:notify:Enabled=true",
        ];
        var process = Lab.StartProcess(Lab[role].Namespace, command, null);
        lock (_daemons)
        {
            _daemons.Add((role, process));
        }

        return process;
    }

    /// <summary>The output of every daemon started so far, for failure messages.</summary>
    public string DaemonOutput()
    {
        lock (_daemons)
        {
            return string.Concat(_daemons.Select(d => $"\n--- vigil on {d.Role}:\n{d.Process.Stdout}{d.Process.Stderr}"));
        }
    }

    public string ConfFile(string role) => Path.Combine(NodeDirectory(role), "keepalived.conf");

    /// <summary>Waits until exactly <paramref name="expected"/> of <paramref name="roles"/> hold the VIP.</summary>
    public async Task WaitForHoldersAsync(string[] roles, string[] expected, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        List<string> holders = [];
        while (watch.Elapsed < timeout)
        {
            holders = [];
            foreach (var role in roles)
            {
                var result = await Lab.RunAsync(Lab[role].Namespace, "ip", "-o", "addr", "show", "dev", "eth0");
                if (result.Stdout.Contains($" {Vip}/", StringComparison.Ordinal))
                {
                    holders.Add(role);
                }
            }

            if (holders.Order().SequenceEqual(expected.Order()))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"after {timeout.TotalSeconds}s {Vip} is on [{string.Join(", ", holders)}], expected [{string.Join(", ", expected)}]{DaemonOutput()}");
    }

    /// <summary>Waits for the node's VI_1 status row (<c>vigil status --json</c>) to satisfy <paramref name="condition"/>.</summary>
    public async Task<JsonNode> WaitForRowAsync(string role, Func<JsonNode, bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        JsonNode? row = null;
        while (watch.Elapsed < timeout)
        {
            var result = await Lab.RunAsync(Lab[role].Namespace, RepoPaths.VigilBinary, "status", "--json", "--admin-socket", Socket(role));
            if (result.ExitCode == 0)
            {
                var vrrp = JsonNode.Parse(result.Stdout)!["modules"]!.AsArray().Single(m => (string?)m!["name"] == "vrrp")!;
                row = vrrp["status"]![0]!["rows"]!.AsArray().FirstOrDefault(r => (string?)r!["instance"] == "VI_1");
                if (row is not null && condition(row))
                {
                    return row;
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"status of VI_1 on {role} never matched: {row?.ToJsonString()}{DaemonOutput()}");
    }

    public async ValueTask DisposeAsync()
    {
        await Lab.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A daemon may still be removing its pid file.
        }
    }

    private static string[] ReadLines(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToArray() : [];

    private string Socket(string role) => Path.Combine(NodeDirectory(role), "admin.sock");

    private async Task<LabProcess> StartReceiverAsync(string role, string script, int port, string output)
    {
        var process = Lab.StartProcess(Lab[role].Namespace,
            "/usr/bin/python3", Path.Combine(Directory, script), port.ToString(CultureInfo.InvariantCulture), output);
        var watch = Stopwatch.StartNew();
        while (!process.Stdout.Contains("ready", StringComparison.Ordinal))
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException(
                    $"{script} did not start in {role} (is python3-aiosmtpd installed? run scripts/install-deps.sh): {process.Stderr}");
            }

            await Task.Delay(25);
        }

        return process;
    }
}
