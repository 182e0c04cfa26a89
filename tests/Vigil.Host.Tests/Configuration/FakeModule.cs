using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Host.Configuration.Validation;

namespace Vigil.Host.Tests.Configuration;

/// <summary>A module that only claims sections and global keys, as the real one of that name would.</summary>
internal sealed class FakeModule(string name, IReadOnlyCollection<string> sections, IReadOnlyCollection<string> globalKeys) : IClusterModule
{
    public string Name => name;

    public IReadOnlyCollection<string> Sections => sections;

    public IReadOnlyCollection<string> GlobalKeys => globalKeys;

    public IReadOnlyCollection<string> SharedSections { get; init; } = [];

    public IReadOnlyCollection<KeywordClaim> NestedKeywords => KnownOwners.NestedKeywordsOf(name);

    /// <summary>A module claiming what the host's table of well-known keywords says <paramref name="module"/> handles.</summary>
    public static FakeModule Known(string module) => new(module, KnownOwners.SectionsOf(module), KnownOwners.GlobalKeysOf(module));

    /// <summary>The modules host.json enables by default.</summary>
    public static IReadOnlyList<IClusterModule> Defaults => [Known("vrrp"), Known("notify")];

    /// <summary>Every module keepalived's seed configurations need.</summary>
    public static IReadOnlyList<IClusterModule> All => [Known("vrrp"), Known("notify"), Known("ipvs"), Known("checkers")];

    public void Register(ContainerBuilder builder, ModuleContext context)
    {
    }

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
