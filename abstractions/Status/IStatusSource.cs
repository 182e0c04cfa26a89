using System.Text.Json.Nodes;

namespace Vigil.Abstractions.Status;

/// <summary>
/// Something that reports its state to <c>vigil status</c>. Modules register any number of these in the
/// container; the admin endpoint gathers them under each source's <see cref="Module"/>.
/// </summary>
public interface IStatusSource
{
    /// <summary>The module this state belongs to.</summary>
    string Module { get; }

    /// <summary>
    /// The current state as JSON. For the table view, an array property named <c>rows</c> whose elements are
    /// flat objects is printed as a table; everything else as key/value lines.
    /// </summary>
    JsonObject GetStatus();
}
