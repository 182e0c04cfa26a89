using System.Diagnostics;

namespace Vigil.Ipvs.Bench;

/// <summary>Runs the nft command-line tool, for the listing the reference line replays and for the reference itself.</summary>
internal static class NftCommand
{
    /// <summary>Runs <c>nft</c> with <paramref name="args"/> and returns its output; throws when it fails.</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("nft") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("nft did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nft {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
