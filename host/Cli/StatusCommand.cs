using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Host.Admin;

namespace Vigil.Host.Cli;

/// <summary><c>vigil status</c>: every module's state from a running instance, as tables or as JSON.</summary>
internal static class StatusCommand
{
    public static Command Build(CommonOptions common)
    {
        var json = new Option<bool>("--json") { Description = "Print the raw JSON answer" };
        var command = new Command("status", "Show the state of a running instance over its admin socket") { json };
        command.SetAction(async (result, ct) =>
        {
            var bootstrap = HostBootstrap.Create(result, common, Console.Error);
            if (bootstrap is null)
            {
                return 1;
            }

            var socket = bootstrap.Options.ResolvedAdminSocket;
            JsonObject answer;
            try
            {
                answer = await AdminClient.RequestAsync(socket, new JsonObject { ["op"] = "status" }, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or JsonException)
            {
                Console.Error.WriteLine($"vigil: no running instance answers on {socket}: {e.Message}");
                return 1;
            }

            if (answer["ok"]?.GetValue<bool>() != true)
            {
                Console.Error.WriteLine($"vigil: {answer["error"]}");
                return 1;
            }

            var status = answer["result"] as JsonObject ?? [];
            Console.Out.Write(result.GetValue(json)
                ? status.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"
                : StatusTable.Render(status));
            return 0;
        });
        return command;
    }
}
