namespace Vigil.Abstractions.Checks;

/// <summary>The outcome of one probe.</summary>
/// <param name="Healthy">True when the server passed.</param>
/// <param name="Detail">What was seen, for logs and notifications (<c>connect timeout after 3 s</c>).</param>
public sealed record CheckResult(bool Healthy, string Detail)
{
    /// <summary>A passing result.</summary>
    public static CheckResult Pass(string detail = "ok") => new(true, detail);

    /// <summary>A failing result.</summary>
    public static CheckResult Fail(string detail) => new(false, detail);
}
