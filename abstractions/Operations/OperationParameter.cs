namespace Vigil.Abstractions.Operations;

/// <summary>One argument of an operation.</summary>
/// <param name="Name">Its name on the command line (<c>vs=…</c>) and in JSON requests.</param>
/// <param name="Type">How it is parsed.</param>
/// <param name="Description">A few words for <c>vigil op --list</c>.</param>
/// <param name="Required">True when the operation cannot run without it.</param>
public sealed record OperationParameter(string Name, OperationParameterType Type, string Description, bool Required = true);
