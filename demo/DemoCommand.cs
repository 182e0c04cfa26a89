using System.CommandLine;
using System.Runtime.InteropServices;

namespace Vigil.Demo;

/// <summary>
/// The <c>vigil-demo</c> command line (<c>./vigil demo</c> in the source tree): the seed's high-availability nginx
/// example, then its high-availability IPVS cluster, as a namespace lab (see <see cref="DemoRunner"/>). Its hidden subcommands are the lab's own programs:
/// <c>web</c>, the stand-in for nginx (run as demo-nginx), and <c>client</c>, which requests the VIP.
/// </summary>
internal static class DemoCommand
{
    /// <summary>This program's executable, which the lab runs again as its web server and its client.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "vigil-demo");

    public static RootCommand Build()
    {
        var keepalived = new Option<bool>("--keepalived") { Description = "Run keepalived on the nodes instead of Vigil, to compare", Hidden = true };
        var story = new Option<DemoStory>("--story") { DefaultValueFactory = _ => DemoStory.All, Description = "Which story: all, nginx or cluster" };
        var command = new RootCommand("Run Vigil's high-availability demos (nginx failover, an IPVS cluster) in network namespaces (needs root)") { keepalived, story };
        command.SetAction(result => DemoRunner.Run(result.GetValue(story), result.GetValue(keepalived), Console.Out, Console.Error));
        command.Subcommands.Add(BuildWeb());
        command.Subcommands.Add(BuildClient());
        return command;
    }

    private static Command BuildWeb()
    {
        var name = new Option<string>("--name") { Required = true, Description = "Node name to answer with" };
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 80, Description = "TCP port" };
        var sorry = new Option<bool>("--sorry") { Description = "Be a sorry server: answer \"sorry (NAME)\"" };
        var web = new Command("web", "The demo's web server (answers \"served by NAME\")") { name, port, sorry };
        web.Hidden = true;
        web.SetAction((result, _) =>
        {
            var body = result.GetValue(sorry) ? DemoWebServer.SorryBody(result.GetValue(name)!) : DemoWebServer.ServedByBody(result.GetValue(name)!);
            return UntilSignalled(ct => DemoWebServer.RunAsync(body, result.GetValue(port), ct));
        });
        return web;
    }

    private static Command BuildClient()
    {
        var url = new Option<string>("--url") { Required = true, Description = "URL to request" };
        var interval = new Option<int>("--interval-ms") { DefaultValueFactory = _ => 100, Description = "Milliseconds between requests" };
        var timeout = new Option<int>("--timeout-ms") { DefaultValueFactory = _ => 300, Description = "Timeout of one request" };
        var client = new Command("client", "The demo's client: one line per request") { url, interval, timeout };
        client.Hidden = true;
        client.SetAction((result, _) => UntilSignalled(ct => DemoHttpClient.RunAsync(
            new Uri(result.GetValue(url)!), TimeSpan.FromMilliseconds(result.GetValue(interval)), TimeSpan.FromMilliseconds(result.GetValue(timeout)), Console.Out, ct)));
        return client;
    }

    /// <summary>Program.cs leaves SIGTERM and SIGINT to commands; these programs simply stop on either.</summary>
    private static async Task<int> UntilSignalled(Func<CancellationToken, Task<int>> run)
    {
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        return await run(stop.Token).ConfigureAwait(false);
    }
}
