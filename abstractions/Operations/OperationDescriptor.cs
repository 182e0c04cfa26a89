namespace Vigil.Abstractions.Operations;

/// <summary>What an operation is called, what it takes and what it does: what <c>vigil op --list</c> prints.</summary>
/// <param name="Name">A unique dotted name (<c>rs.drain</c>); <c>vigil op rs.drain vs=… rs=…</c> runs it.</param>
/// <param name="Description">One line saying what it does.</param>
/// <param name="Parameters">Its arguments in order; positional words on a command line fill them in this order.</param>
/// <param name="Command">
/// Words that run it as a subcommand (<c>["rs", "drain"]</c> gives <c>vigil rs drain VS RS</c>); null for none.
/// </param>
public sealed record OperationDescriptor(
    string Name,
    string Description,
    IReadOnlyList<OperationParameter> Parameters,
    IReadOnlyList<string>? Command = null);
