using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Checks;

/// <summary>
/// A kind of health check, found by its keepalived keyword (<c>TCP_CHECK</c>, <c>HTTP_GET</c>, <c>SMTP_CHECK</c>).
/// A plugin ships a new checker by registering an implementation in the container from its
/// <see cref="Modules.IClusterModule.Register"/>; the built-in checkers register the same way. Two plugins registering
/// one name is a load error naming both.
/// </summary>
/// <remarks>
/// The checker describes one probe and nothing else. The standard keywords (<see cref="StandardCheckerOptions"/>), their
/// inheritance from the real and virtual server and their defaults are read once by <see cref="CheckerBlockReader"/>,
/// which validates the checker's own keywords through <see cref="Validate"/> and hands <see cref="Create"/> the
/// resolved <see cref="CheckSettings"/>.
/// </remarks>
public interface IHealthChecker
{
    /// <summary>The block keyword inside <c>real_server</c> that selects this checker, e.g. <c>SMTP_CHECK</c>.</summary>
    string Name { get; }

    /// <summary>The checker's own keywords, which standard ones it takes, and its defaults.</summary>
    CheckerSchema Schema { get; }

    /// <summary>
    /// Reports every problem with the checker's own keywords (unknown keywords are already reported). <paramref name="block"/>
    /// reads typed values and names the block in messages.
    /// </summary>
    void Validate(ConfigBlock block);

    /// <summary>Builds the check for one real server from a block that validated cleanly.</summary>
    /// <param name="block">The checker's block.</param>
    /// <param name="settings">The resolved standard settings and the virtual-server context.</param>
    IHealthCheck Create(IConfigurationSection block, CheckSettings settings);
}
