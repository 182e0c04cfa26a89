using System.Diagnostics;
using System.Globalization;

namespace Vigil.Demo;

/// <summary>Prints the demo's story, each line stamped with the seconds since the demo started.</summary>
internal sealed class Narrator(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    /// <summary>Prints one stamped line.</summary>
    public void Say(string text)
    {
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:0.000} s] {text}"));
            output.Flush();
        }
    }

    /// <summary>Prints lines without a stamp (headings, summaries, logs).</summary>
    public void Plain(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }
}
