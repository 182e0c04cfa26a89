namespace Vigil.Abstractions.Configuration;

/// <summary>
/// A configuration file a plugin reads in a format of its own (ISC <c>dhcpd.conf</c>, say). The host loads every
/// registered source together with the cluster configuration — at start, on every reload and for
/// <c>vigil check-config</c> — and treats its problems exactly like keepalived.conf's: printed as <c>file:line: error: …</c>,
/// an error rejects the start, and a reload with an error keeps the running configuration (every file's).
/// </summary>
/// <remarks>
/// Register implementations in <see cref="Modules.IClusterModule.Register"/>; read the file's path from the module's own
/// settings (<see cref="Modules.ModuleContext.Settings"/>). <see cref="Load"/> must not throw for bad input: every problem
/// is an issue with its file and line. The parsed result reaches the module as
/// <see cref="ClusterConfiguration.Document{T}(string)"/> under <see cref="Name"/>.
/// </remarks>
public interface IConfigFileSource
{
    /// <summary>The document's name, unique across plugins (<c>pxe.dhcpd</c>).</summary>
    string Name { get; }

    /// <summary>Reads the source's files now.</summary>
    ConfigFileResult Load();
}
