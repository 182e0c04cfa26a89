using System.Globalization;

namespace Vigil.Ipvs.Bench;

/// <summary>The knobs of one benchmark run, from <c>--name value</c> arguments.</summary>
internal sealed record BenchOptions
{
    /// <summary>Measured health changes.</summary>
    public int Changes { get; init; } = 200;

    /// <summary>Measured full reloads.</summary>
    public int Reloads { get; init; } = 20;

    /// <summary>Quiet time after each health change, so changes are measured one at a time as checkers produce them.</summary>
    public int GapMs { get; init; } = 5;

    /// <summary>Runs of <c>nft -f</c> for the reference line.</summary>
    public int NftRuns { get; init; } = 20;

    /// <summary>Where the nftables run writes its programmed table (nft's text form), for the reference line.</summary>
    public string? Dump { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            var value = args[i + 1];
            options = args[i] switch
            {
                "--changes" => options with { Changes = Positive(args[i], value) },
                "--reloads" => options with { Reloads = Positive(args[i], value) },
                "--gap-ms" => options with { GapMs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--nft-runs" => options with { NftRuns = Positive(args[i], value) },
                "--dump" => options with { Dump = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    public IEnumerable<string> ToArguments()
    {
        string[] common = ["--changes", Num(Changes), "--reloads", Num(Reloads), "--gap-ms", Num(GapMs), "--nft-runs", Num(NftRuns)];
        return Dump is null ? common : [.. common, "--dump", Dump];
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Positive(string name, string value)
    {
        var n = int.Parse(value, CultureInfo.InvariantCulture);
        return n > 0 ? n : throw new ArgumentException($"{name} must be positive");
    }
}
