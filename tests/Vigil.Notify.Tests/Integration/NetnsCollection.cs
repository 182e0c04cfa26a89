namespace Vigil.Notify.Tests.Integration;

/// <summary>Tests that run Vigil daemons in network namespaces with real timers: one at a time on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NetnsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "notify-netns";
}
