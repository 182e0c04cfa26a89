namespace Vigil.Abstractions.Processes;

/// <summary>How to run one script.</summary>
/// <param name="Timeout">After this long the script's whole process group is killed.</param>
/// <param name="User">Run as this user (keepalived's <c>user</c>/<c>script_user</c>); null keeps the current one.</param>
/// <param name="Environment">Extra environment variables.</param>
public sealed record ScriptRunOptions(TimeSpan Timeout, string? User = null, IReadOnlyDictionary<string, string>? Environment = null)
{
    /// <summary>Run with this group (keepalived's <c>user USER GROUP</c>); null takes the user's own group.</summary>
    public string? Group { get; init; }
}
