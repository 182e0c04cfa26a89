using System.Text.Json.Nodes;
using Vigil.Host.Tests.Support;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Cli;

/// <summary>
/// Module operations from the command line, against a real daemon running the kvconf test plugin:
/// <c>vigil op</c>, the subcommands modules declare, <c>--json</c>, and the exit codes 0 done, 1 refused, 2 usage.
/// </summary>
public sealed class OpCommandTests : IAsyncLifetime
{
    private VigilInstance _vigil = null!;

    public async Task InitializeAsync()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var directory = VigilInstance.NewDirectory();
        var file = Path.Combine(directory, "values.kv");
        await File.WriteAllTextAsync(file, "colour = green\n");
        _vigil = await VigilInstance.StartAsync(directory, RuntimeHarness.EmptyClusterFile(), plugins, ["--set", $"Modules:kvconf:File={file}"], "kvconf");
    }

    public async Task DisposeAsync() => await _vigil.DisposeAsync();

    [Fact]
    public async Task OpList_PrintsEveryOperationWithItsArgumentsAndModule()
    {
        var result = await Op("op", "--list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "kv get key  (kvconf) Show one value of the applied file",
                "    key: string - the key",
                "kv.sum a [b] [wait]  (kvconf) Add two numbers",
                "    a: integer - the first number",
                "    b: integer, optional - the second number",
                "    wait: duration, optional - how long to take",
            ],
            result.Lines);
    }

    [Fact]
    public async Task OpList_Json_DescribesTypesAndCommandWords()
    {
        var result = await Op("op", "--list", "--json");

        Assert.Equal(0, result.ExitCode);
        var get = JsonNode.Parse(result.Stdout)!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "kv.get")!;
        Assert.Equal(["kv", "get"], get["command"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Equal("string", get["parameters"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Op_ByNameWithKeyValueArguments_IsDone()
    {
        var result = await Op("op", "kv.sum", "a=2", "b=40", "--json");

        Assert.Equal(0, result.ExitCode);
        var answer = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("done", answer["status"]!.GetValue<string>());
        Assert.Equal(42, answer["result"]!["sum"]!.GetValue<long>());
    }

    [Fact]
    public async Task DeclaredSubcommand_WithPositionalArgument_PrintsTheAnswer()
    {
        var result = await Op("kv", "get", "colour");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["key: colour", "value: green"], result.Lines);
    }

    [Fact]
    public async Task DeclaredSubcommand_Refused_ExitsOneWithTheReason()
    {
        var result = await Op("kv", "get", "size");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("vigil: kv.get refused: no key 'size' in the applied file", result.Stderr.Trim());
    }

    [Theory]
    [InlineData(new[] { "op", "kv.sum", "a=two" }, "vigil: kv.sum: a 'two': not a whole number (usage: kv.sum a [b] [wait])")]
    [InlineData(new[] { "op", "kv.sum" }, "vigil: kv.sum: missing argument 'a' (the first number) (usage: kv.sum a [b] [wait])")]
    [InlineData(new[] { "op", "kv.sum", "1", "2", "3s", "4" }, "vigil: kv.sum: too many arguments (kv.sum a [b] [wait])")]
    [InlineData(new[] { "op", "kv.nosuch" }, "vigil: unknown operation 'kv.nosuch'; 'vigil op --list' shows the known ones")]
    [InlineData(new[] { "op" }, "vigil: op needs an operation name; 'vigil op --list' shows them")]
    [InlineData(new[] { "kv", "put", "x" }, "vigil: unknown command 'kv put x'; modules declare: kv get")]
    public async Task Op_Usage_ExitsTwo(string[] args, string message)
    {
        var result = await Op(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Stderr.Trim());
    }

    [Fact]
    public async Task Op_NoRunningInstance_ExitsOneNamingTheSocket()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"vigil-none-{Guid.NewGuid():N}.sock");

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["op", "kv.sum", "a=1", "--admin-socket", socket]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"vigil: no running instance answers on {socket}", result.Stderr.Trim(), StringComparison.Ordinal);
    }

    private Task<CommandResult> Op(params string[] args) =>
        Command.RunAsync(RepoPaths.VigilBinary, [.. args, "--admin-socket", _vigil.AdminSocket]);
}
