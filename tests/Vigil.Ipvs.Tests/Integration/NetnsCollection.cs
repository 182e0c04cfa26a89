namespace Vigil.Ipvs.Tests.Integration;

/// <summary>Namespace tests run one at a time: they share two cores and measure request spreads.</summary>
[CollectionDefinition("netns", DisableParallelization = true)]
public sealed class NetnsCollection;
