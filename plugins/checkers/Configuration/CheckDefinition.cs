using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Configuration;

/// <summary>One checker block of one real server, validated and resolved, ready to become a running check.</summary>
/// <param name="Identity">What keeps it the same check across a reload.</param>
/// <param name="Checker">The checker that reads it.</param>
/// <param name="Block">The block.</param>
/// <param name="Settings">Its resolved standard settings.</param>
internal sealed record CheckDefinition(CheckIdentity Identity, IHealthChecker Checker, IConfigurationSection Block, CheckSettings Settings)
{
    /// <summary>Builds the probe.</summary>
    public IHealthCheck Create() => Checker.Create(Block, Settings);
}
