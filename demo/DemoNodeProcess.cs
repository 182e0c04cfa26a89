using System.Globalization;

namespace Vigil.Demo;

/// <summary>
/// One node at run time: a PID namespace of its own inside the node's network namespace (a placeholder init, so
/// killing it takes the whole node down), its daemon (Vigil, or keepalived for comparison) and its web server.
/// The PID namespace is what makes the seed's <c>killall -0 nginx</c> check mean "this node's web server": without
/// it, killall would see the other node's too.
/// </summary>
internal sealed class DemoNodeProcess(DemoLab lab, DemoNode node, DemoDaemon daemon)
{
    private GroupProcess? _node;
    private GroupProcess? _daemon;
    private int _init;

    /// <summary>The node.</summary>
    public DemoNode Node => node;

    /// <summary>The daemon, once started, for error reports.</summary>
    public GroupProcess? Daemon => _daemon;

    /// <summary>Creates the node's PID namespace.</summary>
    public void Boot()
    {
        _node = lab.Start(node.Name, ["ip", "netns", "exec", node.Namespace, "unshare", "--pid", "--fork", "--mount-proc", "--", "sleep", "infinity"]);
        _init = FindInit(_node);
    }

    /// <summary>Writes the node's keepalived.conf and starts the daemon on the node.</summary>
    public void StartDaemon()
    {
        var conf = Path.Combine(lab.Directory, $"{node.Name}.conf");
        File.WriteAllText(conf, DemoConfigWriter.Render(node, daemon.CheckScript));
        _daemon = lab.Start($"{node.Name}'s {daemon.Name}", [.. Enter(), .. daemon.Command(node.Name, conf, lab.Directory, lab.Layout)]);
    }

    /// <summary>Starts the web server, named demo-nginx, and waits until <c>killall -0 demo-nginx</c> finds it on this node.</summary>
    public void StartWeb(string webExecutable)
    {
        lab.Start($"{node.Name}'s web server", [.. Enter(), webExecutable, "web", "--name", node.Name, "--port", "80"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!ShortCommand.Run([.. Enter(), "killall", "-0", DemoLayout.WebProcessName]).Ok)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new DemoException($"{node.Name}'s web server did not start (killall -0 {DemoLayout.WebProcessName} finds nothing)");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>What an operator would do on the node: <c>killall demo-nginx</c>.</summary>
    public void StopWeb()
    {
        var result = ShortCommand.Run([.. Enter(), "killall", DemoLayout.WebProcessName]);
        if (!result.Ok)
        {
            throw new DemoException($"killall {DemoLayout.WebProcessName} on {node.Name} failed: {result.Stderr.Trim()}");
        }
    }

    /// <summary>False once the node was killed.</summary>
    public bool Alive { get; private set; } = true;

    /// <summary>
    /// The node dies as in a power cut: SIGKILL to its init, which takes every process of the node with it at once,
    /// and its link goes down, so it no longer answers for the VIP it still has configured.
    /// </summary>
    public void Kill()
    {
        Alive = false;
        _node?.Kill();
        _daemon?.Kill();
        ShortCommand.Run(["ip", "-n", node.Namespace, "link", "set", DemoLayout.Interface, "down"]);
    }

    /// <summary>True while the daemon runs.</summary>
    public bool DaemonRunning => _daemon is { HasExited: false };

    private string[] Enter() =>
        ["nsenter", "-t", _init.ToString(CultureInfo.InvariantCulture), "-n", "-p", "-m", "--"];

    /// <summary>The host pid of unshare's child, the namespace's init, through which nsenter enters it.</summary>
    private static int FindInit(GroupProcess unshare)
    {
        var children = $"/proc/{unshare.Pid}/task/{unshare.Pid}/children";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var text = File.ReadAllText(children).Trim();
                if (text.Length > 0 && !text.Contains(' ', StringComparison.Ordinal) && int.TryParse(text, CultureInfo.InvariantCulture, out var pid))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // unshare has not forked yet, or already exited; the checks below tell which.
            }

            if (unshare.HasExited)
            {
                throw new DemoException($"{unshare.Name} exited at start:\n{unshare.Tail()}");
            }

            Thread.Sleep(10);
        }

        throw new DemoException($"{unshare.Name}: no namespace init within 5 s");
    }
}
