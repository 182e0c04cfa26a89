namespace Vigil.Demo;

/// <summary>One real server at run time: the demo's web server in the server's namespace, answering its name.</summary>
internal sealed class RealServerProcess(DemoLab lab, ClusterRealServer server)
{
    private GroupProcess? _web;

    /// <summary>The server.</summary>
    public ClusterRealServer Server => server;

    /// <summary>Starts the web server and waits until it listens.</summary>
    public void Start()
    {
        _web = lab.Start($"{server.Name}'s web server",
            ["ip", "netns", "exec", server.Namespace, DemoCommand.Executable, "web", "--name", server.Name, "--port", ClusterLayout.PortText]);
        DemoLab.WaitListening(server.Namespace, ClusterLayout.Port, _web);
    }

    /// <summary>Stops the web server at once (SIGKILL): new connections to it are refused from then on.</summary>
    public void Stop() => _web?.Kill();
}
