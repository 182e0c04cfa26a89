namespace Vigil.Host.Options;

/// <summary>host.json <c>Admin</c>.</summary>
internal sealed class AdminOptions
{
    /// <summary>The Unix socket path; empty means <c>/run/vigil/&lt;instance&gt;.sock</c>.</summary>
    public string Socket { get; set; } = "";
}
