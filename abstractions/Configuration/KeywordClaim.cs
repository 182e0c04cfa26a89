namespace Vigil.Abstractions.Configuration;

/// <summary>
/// Keywords a module handles inside a block another module owns: notify's <c>notify_master</c> inside
/// <c>vrrp_instance</c>, its <c>notify_up</c> inside <c>real_server</c>. The owner accepts them without knowing them;
/// the claiming module reads and validates them.
/// </summary>
/// <param name="Block">
/// The block's keyword path from the top level, <c>/</c>-separated: <c>vrrp_instance</c>, <c>virtual_server/real_server</c>.
/// </param>
/// <param name="Keywords">The keywords claimed there.</param>
public sealed record KeywordClaim(string Block, IReadOnlyCollection<string> Keywords);
