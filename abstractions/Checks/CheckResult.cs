using System.Globalization;

namespace Vigil.Abstractions.Checks;

/// <summary>The outcome of one probe.</summary>
/// <param name="Healthy">True when the server passed.</param>
/// <param name="Failure">What kind of failure, when it failed.</param>
/// <param name="Detail">What was seen, for logs (<c>connect to 10.0.0.1:80 timed out after 3 s</c>).</param>
/// <param name="Code">The HTTP status of <see cref="CheckFailureKind.BadStatus"/>, the exit code of <see cref="CheckFailureKind.ExitCode"/>.</param>
/// <param name="Weight">
/// A weight the probe sets for its real server while it passes (MISC_CHECK <c>misc_dynamic</c>: exit 2–255 sets
/// weight exit−2); null keeps the configured one.
/// </param>
public sealed record CheckResult(bool Healthy, CheckFailureKind? Failure, string Detail, int? Code = null, int? Weight = null)
{
    /// <summary>A passing result, optionally setting the real server's weight.</summary>
    public static CheckResult Pass(string detail = "ok", int? weight = null) => new(true, null, detail, null, weight);

    /// <summary>A failing result of <paramref name="kind"/>.</summary>
    public static CheckResult Fail(CheckFailureKind kind, string detail, int? code = null) => new(false, kind, detail, code);

    /// <summary>The reason in a few words, as notifications and status show it: <c>bad status 503</c>, <c>exit code 3</c>, <c>timeout</c>.</summary>
    public string Reason => Failure switch
    {
        null => "ok",
        CheckFailureKind.Timeout => "timeout",
        CheckFailureKind.Refused => "connection refused",
        CheckFailureKind.Reset => "connection reset",
        CheckFailureKind.Unreachable => "unreachable",
        CheckFailureKind.BadStatus => Code is { } status ? $"bad status {status.ToString(CultureInfo.InvariantCulture)}" : "bad status",
        CheckFailureKind.DigestMismatch => "digest mismatch",
        CheckFailureKind.BadResponse => "bad response",
        CheckFailureKind.TlsError => "TLS error",
        CheckFailureKind.ExitCode => Code is { } exit ? $"exit code {exit.ToString(CultureInfo.InvariantCulture)}" : "exit code",
        _ => "error",
    };
}
