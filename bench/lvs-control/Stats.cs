namespace Vigil.Ipvs.Bench;

/// <summary>Order statistics of a sample, nearest-rank.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> sample) => Quantile(sample, 0.5);

    public static double P99(IReadOnlyList<double> sample) => Quantile(sample, 0.99);

    public static double Max(IReadOnlyList<double> sample) => sample.Max();

    private static double Quantile(IReadOnlyList<double> sample, double q)
    {
        var sorted = sample.Order().ToArray();
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
