using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;
using Vigil.Host.Admin;

namespace Vigil.Host.Cli;

/// <summary>
/// Runs module operations on a running instance and prints the answer; the exit code is 0 done, 1 refused (or no
/// instance answers), 2 usage.
/// </summary>
internal sealed class OperationClient(string socket, bool json, TextWriter output, TextWriter error)
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The instance's admin socket.</summary>
    public string Socket => socket;

    /// <summary>The operations the instance declares, or null when none answers (reported unless <paramref name="quiet"/>).</summary>
    public async Task<IReadOnlyList<(OperationDescriptor Descriptor, string Module)>?> ListAsync(bool quiet = false)
    {
        var answer = await RequestAsync(new JsonObject { ["op"] = "operations" }, quiet).ConfigureAwait(false);
        return answer is null
            ? null
            : [.. (answer["result"] as JsonArray ?? []).OfType<JsonObject>().Select(o => (OperationJson.Read(o), o["module"]?.GetValue<string>() ?? ""))];
    }

    /// <summary><c>vigil op --list</c>.</summary>
    public async Task<int> PrintListAsync()
    {
        var operations = await ListAsync().ConfigureAwait(false);
        if (operations is null)
        {
            return Refused;
        }

        if (json)
        {
            output.WriteLine(new JsonArray([.. operations.Select(o => (JsonNode?)OperationJson.Write(o.Descriptor, o.Module))]).ToJsonString(Indented));
            return Done;
        }

        foreach (var (descriptor, module) in operations)
        {
            output.WriteLine($"{OperationCall.Usage(descriptor)}  ({module}) {descriptor.Description}");
            foreach (var parameter in descriptor.Parameters)
            {
                output.WriteLine($"    {parameter.Name}: {parameter.Type.ToString().ToLowerInvariant()}{(parameter.Required ? "" : ", optional")} - {parameter.Description}");
            }
        }

        return Done;
    }

    /// <summary>Runs <paramref name="descriptor"/> with the command-line <paramref name="words"/>.</summary>
    public async Task<int> RunAsync(OperationDescriptor descriptor, IReadOnlyList<string> words)
    {
        var (arguments, usage) = OperationCall.Parse(descriptor, words);
        if (arguments is null)
        {
            error.WriteLine($"vigil: {usage}");
            return Usage;
        }

        var args = new JsonObject();
        foreach (var (key, value) in arguments)
        {
            args[key] = value;
        }

        var answer = await RequestAsync(new JsonObject { ["op"] = descriptor.Name, ["args"] = args }).ConfigureAwait(false);
        if (answer is null)
        {
            return Refused;
        }

        var status = answer["status"]?.GetValue<string>();
        if (json)
        {
            output.WriteLine(answer.ToJsonString(Indented));
        }
        else if (status == "done")
        {
            output.Write(StatusTable.RenderAnswer(answer["result"]));
        }

        if (status != "done" && !json)
        {
            error.WriteLine(status == "usage" ? $"vigil: {answer["error"]} (usage: {OperationCall.Usage(descriptor)})" : $"vigil: {descriptor.Name} refused: {answer["error"]}");
        }

        return status switch { "done" => Done, "usage" => Usage, _ => Refused };
    }

    private async Task<JsonObject?> RequestAsync(JsonObject request, bool quiet = false)
    {
        try
        {
            var answer = await AdminClient.RequestAsync(socket, request, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
            if (answer["status"] is null && answer["ok"]?.GetValue<bool>() != true)
            {
                error.WriteLine($"vigil: {answer["error"]}");
                return null;
            }

            return answer;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or JsonException)
        {
            if (!quiet)
            {
                error.WriteLine($"vigil: no running instance answers on {socket}: {e.Message}");
            }

            return null;
        }
    }
}
