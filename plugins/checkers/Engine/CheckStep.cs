namespace Vigil.Plugins.Checkers.Engine;

/// <summary>What one probe result did to its check.</summary>
/// <param name="NextDelay">How long until the next probe: <c>delay_before_retry</c> while retrying, else <c>delay_loop</c>.</param>
/// <param name="Changed">True when the check went up or down.</param>
internal readonly record struct CheckStep(TimeSpan NextDelay, bool Changed);
