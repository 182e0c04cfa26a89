namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>A contiguous range of numgen or jhash values that sends new connections to one backend.</summary>
/// <param name="First">The first value, inclusive.</param>
/// <param name="Last">The last value, inclusive.</param>
/// <param name="Backend">The backend's index in the service's live list.</param>
internal readonly record struct SlotRange(int First, int Last, int Backend);
