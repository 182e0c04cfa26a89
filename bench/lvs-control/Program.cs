using System.Diagnostics;
using System.Text.Json;
using Vigil.Ipvs.Bench;

// Without "child", runs one child process per plane (each starts from a fresh runtime, so its memory figures are its
// own), then the nft -f reference, and prints the table. Exit code 0 when every target is met.
if (args is ["child", var plane, .. var rest])
{
    var result = await new ControlPlaneRun(plane, BenchOptions.Parse(rest)).RunAsync();
    Console.WriteLine(JsonSerializer.Serialize(result));
    return 0;
}

var options = BenchOptions.Parse(args);
var dump = Path.Combine(Path.GetTempPath(), $"vigil-lvs-table-{Environment.ProcessId}.nft");
try
{
    var noop = await RunChildAsync("noop", options);
    var nft = await RunChildAsync("nftables", options with { Dump = dump });
    var reference = await NftReference.TimeAsync(await File.ReadAllTextAsync(dump), options.NftRuns);
    return Report.Print(nft, noop, options, reference) ? 0 : 1;
}
finally
{
    File.Delete(dump);
}

static async Task<RunResult> RunChildAsync(string plane, BenchOptions options)
{
    var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
    var info = new ProcessStartInfo(self) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        info.ArgumentList.Add(typeof(RunResult).Assembly.Location);
    }

    foreach (var arg in (string[])["child", plane, .. options.ToArguments()])
    {
        info.ArgumentList.Add(arg);
    }

    using var process = Process.Start(info) ?? throw new InvalidOperationException("the child did not start");
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"the {plane} run failed with exit code {process.ExitCode}");
    }

    return JsonSerializer.Deserialize<RunResult>(output) ?? throw new InvalidOperationException($"the {plane} run printed nothing");
}
