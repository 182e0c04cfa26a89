namespace Vigil.Notify.Tests.Support;

internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="seconds"/> pass.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(25);
        }

        return condition();
    }

    /// <summary>Records written by <see cref="TempDir.RecordingScript"/>: one array of arguments per run.</summary>
    public static List<string[]> Runs(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var runs = File.ReadAllText(file).Split('\u0001');
        return runs.Take(runs.Length - 1)
            .Select(r => r.Length == 0 ? [] : r[..^1].Split('\0'))
            .ToList();
    }
}
