using System.Text.Json.Nodes;

namespace Vigil.Abstractions.Status;

/// <summary>An operation the admin endpoint answers besides <c>status</c>, found by <see cref="Name"/>.</summary>
public interface IAdminOperation
{
    /// <summary>The operation's name on the admin socket, e.g. <c>vrrp.instances</c>.</summary>
    string Name { get; }

    /// <summary>Runs the operation with the request's arguments and returns its answer.</summary>
    Task<JsonNode?> ExecuteAsync(JsonObject arguments, CancellationToken cancellationToken);
}
