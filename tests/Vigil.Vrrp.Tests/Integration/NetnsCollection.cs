namespace Vigil.Vrrp.Tests.Integration;

/// <summary>Integration tests run daemons in network namespaces with real timers: one at a time on a 2-core machine.</summary>
[CollectionDefinition("netns", DisableParallelization = true)]
public sealed class NetnsCollection;
