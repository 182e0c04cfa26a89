using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>The <c>authentication</c> block (VRRPv2 only).</summary>
/// <param name="Type">PASS or AH.</param>
/// <param name="Password">auth_pass as written (only the first 8 characters are used).</param>
internal sealed record VrrpAuthentication(VrrpAuthType Type, string Password)
{
    /// <summary>The 8-byte key sent (PASS) or used for the HMAC (AH).</summary>
    public byte[] Key => VrrpCodec.AuthKey(Password);
}
