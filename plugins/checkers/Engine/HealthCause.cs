namespace Vigil.Plugins.Checkers.Engine;

/// <summary>What made the engine look at a real server again: a check's result, its first state, a reload.</summary>
/// <param name="Checker">The checker concerned.</param>
/// <param name="Reason">In words.</param>
internal sealed record HealthCause(string Checker, string Reason);
