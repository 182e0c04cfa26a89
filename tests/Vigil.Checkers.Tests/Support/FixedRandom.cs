namespace Vigil.Checkers.Tests.Support;

/// <summary>A random source that always draws the same fraction.</summary>
internal sealed class FixedRandom(double fraction) : Random
{
    public override double NextDouble() => fraction;
}
