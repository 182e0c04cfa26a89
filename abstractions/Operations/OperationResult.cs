using System.Text.Json.Nodes;

namespace Vigil.Abstractions.Operations;

/// <summary>
/// How an operation ended: done, with an answer, or refused with a reason the user acts on (the CLI exits 0 and 1).
/// Refusing is not failing: a drain that would break quorum is refused; a bug is an exception, which the host reports.
/// </summary>
/// <param name="Done">True when the operation did what was asked (or it already was so: operations are idempotent).</param>
/// <param name="Data">The answer (printed as a table or, with <c>--json</c>, as JSON); may be null.</param>
/// <param name="Reason">Why it was refused; null when done.</param>
public sealed record OperationResult(bool Done, JsonNode? Data, string? Reason)
{
    /// <summary>Done, with an optional answer.</summary>
    public static OperationResult Ok(JsonNode? data = null) => new(true, data, null);

    /// <summary>Refused for <paramref name="reason"/>.</summary>
    public static OperationResult Refused(string reason) => new(false, null, reason);
}
