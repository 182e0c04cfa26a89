namespace Vigil.Abstractions.Configuration;

/// <summary>
/// Who handles which nested keyword: the claims of the enabled modules, and of well-known modules that are not enabled
/// (so their keywords are warnings naming the module rather than unknown-keyword errors). The host builds it; owners
/// consult it through the block-path overload of <c>ConfigSections.CheckKeywords</c>.
/// </summary>
public sealed class KeywordClaims
{
    private readonly Dictionary<(string Block, string Keyword), (string Module, bool Enabled)> _claims = [];

    /// <summary>No claims at all.</summary>
    public static KeywordClaims None { get; } = new([]);

    /// <summary>Builds the table; the first claim of a keyword wins (the host rejects two enabled claimants before this).</summary>
    /// <param name="claims">Each claim with its module and whether that module is enabled.</param>
    public KeywordClaims(IEnumerable<(string Module, bool Enabled, KeywordClaim Claim)> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var (module, enabled, claim) in claims)
        {
            foreach (var keyword in claim.Keywords)
            {
                _claims.TryAdd((Normalise(claim.Block), keyword.ToLowerInvariant()), (module, enabled));
            }
        }
    }

    /// <summary>The module claiming <paramref name="keyword"/> inside <paramref name="block"/> and whether it is enabled; null when nobody does.</summary>
    public (string Module, bool Enabled)? Claimant(string block, string keyword) =>
        _claims.TryGetValue((Normalise(block), keyword.ToLowerInvariant()), out var claimant) ? claimant : null;

    private static string Normalise(string block) => block.Trim('/').ToLowerInvariant();
}
