using Vigil.Abstractions.Checks;

namespace Vigil.Abstractions.Tests.Checks;

public class CheckerSchemaTests
{
    [Fact]
    public void New_Defaults_AreKeepalivedsCommonOnes()
    {
        var schema = new CheckerSchema(["url"]);

        Assert.Equal(StandardCheckerOptions.All, schema.Standard);
        Assert.Equal(1, schema.DefaultRetry);
        Assert.Equal(TimeSpan.FromSeconds(1), schema.DefaultDelayBeforeRetry);
        Assert.Null(schema.DefaultConnectPort);
    }
}
