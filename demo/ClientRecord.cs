using System.Globalization;

namespace Vigil.Demo;

/// <summary>
/// One request of the demo client, as the line it prints: <c>UNIXMS ok MS NODE</c> or <c>UNIXMS fail MS REASON</c>
/// (the time it was sent, whether it was answered, how long it took, who answered or why it failed).
/// </summary>
internal sealed record ClientRecord(long SentUnixMs, bool Ok, long ElapsedMs, string Detail)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{SentUnixMs} {(Ok ? "ok" : "fail")} {ElapsedMs} {Detail}");

    /// <summary>Parses a line printed by the client; null for anything else.</summary>
    public static ClientRecord? TryParse(string line)
    {
        var parts = line.Split(' ', 4);
        return parts.Length == 4
            && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var sent)
            && parts[1] is "ok" or "fail"
            && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var elapsed)
            ? new ClientRecord(sent, parts[1] == "ok", elapsed, parts[3])
            : null;
    }
}
