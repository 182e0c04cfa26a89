using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Tests.Configuration;

public class KeywordClaimsTests
{
    private static readonly KeywordClaims Claims = new(
    [
        ("notify", false, new KeywordClaim("vrrp_instance", ["notify_master", "Notify_Backup"])),
        ("notify", false, new KeywordClaim("virtual_server/real_server", ["notify_up"])),
        ("tracker", true, new KeywordClaim("vrrp_instance", ["track_file"])),
    ]);

    [Fact]
    public void Claimant_ClaimedKeyword_IsTheModuleAndWhetherItIsEnabled()
    {
        Assert.Equal<(string, bool)?>(("notify", false), Claims.Claimant("vrrp_instance", "notify_master"));
        Assert.Equal<(string, bool)?>(("tracker", true), Claims.Claimant("vrrp_instance", "track_file"));
        Assert.Equal<(string, bool)?>(("notify", false), Claims.Claimant("virtual_server/real_server", "notify_up"));
    }

    [Theory]
    [InlineData("VRRP_INSTANCE", "notify_master")]
    [InlineData("vrrp_instance", "NOTIFY_MASTER")]
    [InlineData("vrrp_instance", "notify_backup")]
    [InlineData("/vrrp_instance", "notify_master")]
    [InlineData("vrrp_instance/", "notify_master")]
    [InlineData("/vrrp_instance/", "notify_master")]
    public void Claimant_BlockAndKeyword_CompareIgnoringCaseAndOuterSlashes(string block, string keyword)
    {
        Assert.Equal<(string, bool)?>(("notify", false), Claims.Claimant(block, keyword));
    }

    [Fact]
    public void Claimant_NestedBlockPath_IgnoresOuterSlashesAndCase()
    {
        Assert.Equal<(string, bool)?>(("notify", false), Claims.Claimant("/Virtual_Server/Real_Server/", "notify_up"));
    }

    [Theory]
    [InlineData("vrrp_instance", "priority")]
    [InlineData("real_server", "notify_up")]
    [InlineData("virtual_server", "notify_up")]
    [InlineData("vrrp_sync_group", "notify_master")]
    [InlineData("virtual_server//real_server", "notify_up")]
    public void Claimant_Unclaimed_IsNull(string block, string keyword)
    {
        Assert.Null(Claims.Claimant(block, keyword));
    }

    [Fact]
    public void Claimant_TwoClaimsOfOneKeyword_FirstWins()
    {
        var claims = new KeywordClaims(
        [
            ("first", false, new KeywordClaim("vrrp_instance", ["notify"])),
            ("second", true, new KeywordClaim("/VRRP_INSTANCE", ["NOTIFY"])),
        ]);

        Assert.Equal<(string, bool)?>(("first", false), claims.Claimant("vrrp_instance", "notify"));
    }

    [Fact]
    public void None_ClaimsNothing()
    {
        Assert.Null(KeywordClaims.None.Claimant("vrrp_instance", "notify_master"));
    }

    [Fact]
    public void New_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new KeywordClaims(null!));
    }
}
