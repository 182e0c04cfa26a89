using Microsoft.Extensions.Configuration;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>A keepalived.conf file (and what it includes) as a Microsoft.Extensions.Configuration source.</summary>
internal sealed class KeepalivedConfigurationSource : IConfigurationSource
{
    /// <summary>The main file, as the user gave it; messages name files the same way.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The id <c>@id</c> conditional lines are compared with; keepalived's default is the host name up to its
    /// first dot (its <c>-i</c> option overrides it).
    /// </summary>
    public string ConfigId { get; init; } = DefaultConfigId();

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new KeepalivedConfigurationProvider(this);

    /// <summary>The host name up to its first dot.</summary>
    public static string DefaultConfigId() => Environment.MachineName.Split('.')[0];
}
