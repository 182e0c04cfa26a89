namespace Vigil.Linux.Nftables;

/// <summary>libnftables refused a command; the message is nft's own error text (which rule, which expression).</summary>
public sealed class NftablesException(string message) : Exception(message);
