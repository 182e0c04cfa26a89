using System.Net;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.Operations;

public class OperationArgumentsTests
{
    private static readonly OperationArguments Arguments = new(new Dictionary<string, object>
    {
        ["note"] = "why",
        ["weight"] = 3L,
        ["force"] = false,
        ["wait"] = TimeSpan.FromSeconds(2),
        ["source"] = IPAddress.Loopback,
        ["vs"] = VirtualServerKey.Parse("fwmark 7"),
        ["rs"] = RealServerKey.Parse("10.0.0.1:80"),
    });

    [Fact]
    public void Accessors_GivenArgument_AreItsValue()
    {
        Assert.Equal("why", Arguments.String("note"));
        Assert.Equal(3L, Arguments.Integer("weight"));
        Assert.False(Arguments.Boolean("force"));
        Assert.Equal(TimeSpan.FromSeconds(2), Arguments.Duration("wait"));
        Assert.Equal(IPAddress.Loopback, Arguments.Address("source"));
        Assert.Equal(VirtualServerKey.ForFwmark(7), Arguments.VirtualServer("vs"));
        Assert.Equal(new RealServerKey(IPAddress.Parse("10.0.0.1"), 80), Arguments.RealServer("rs"));
    }

    [Fact]
    public void Accessors_AbsentArgument_AreNull()
    {
        var none = new OperationArguments(new Dictionary<string, object>());

        Assert.False(none.Has("x"));
        Assert.Null(none.String("x"));
        Assert.Null(none.Integer("x"));
        Assert.Null(none.Boolean("x"));
        Assert.Null(none.Duration("x"));
        Assert.Null(none.Address("x"));
        Assert.Null(none.VirtualServer("x"));
        Assert.Null(none.RealServer("x"));
    }

    [Fact]
    public void Has_GivenArgument_IsTrue()
    {
        Assert.True(Arguments.Has("force"));
    }

    [Fact]
    public void Accessor_OfAnotherType_ThrowsInvalidCast()
    {
        Assert.Throws<InvalidCastException>(() => Arguments.Integer("note"));
        Assert.Throws<InvalidCastException>(() => Arguments.String("weight"));
    }
}
