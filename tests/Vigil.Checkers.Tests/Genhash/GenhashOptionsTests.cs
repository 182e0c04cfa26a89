using Vigil.Plugins.Checkers.Genhash;

namespace Vigil.Checkers.Tests.Genhash;

public sealed class GenhashOptionsTests
{
    private static GenhashOptions? Parse(string line, out string error) => GenhashOptions.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), out error);

    [Fact]
    public void KeepalivedsOptions_ShortLongAndAttached()
    {
        var options = Parse("-S -I -s 10.0.0.1 --port=8443 -u/health -V www.example -P 1.0c -t 3 -m 7 --verbose", out var error);
        Assert.Equal("", error);
        Assert.NotNull(options);
        Assert.Equal("10.0.0.1:8443", options.Server.ToString());
        Assert.Equal("/health", options.Path);
        Assert.True(options.Ssl && options.Sni && options.Verbose);
        Assert.Equal("www.example", options.VirtualHost);
        Assert.Equal((0, true), (options.Protocol.Minor, options.Protocol.Close));
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(7u, options.Fwmark);
    }

    [Fact]
    public void Defaults_AreHttp10WithoutSslInFiveSeconds()
    {
        var options = Parse("-s ::1 -p 80 -u /", out _)!;
        Assert.Equal("[::1]:80", options.Server.ToString());
        Assert.False(options.Ssl || options.Sni || options.Verbose);
        Assert.Equal((0, false), (options.Protocol.Minor, options.Protocol.Close));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
    }

    [Theory]
    [InlineData("-s 10.0.0.1 -p 80", "-s server-address, -p port and -u url are required")]
    [InlineData("-s www.example -p 80 -u /", "server should be an IP, not www.example")]
    [InlineData("-s 10.0.0.1 -p 0 -u /", "invalid port number '0'")]
    [InlineData("-s 10.0.0.1 -p 80 -u / -P 2", "invalid HTTP protocol version '2'")]
    [InlineData("-s 10.0.0.1 -p 80 -u / -P 1.0K", "invalid HTTP protocol version '1.0K'")]
    [InlineData("-s 10.0.0.1 -p 80 -u / -t x", "invalid timeout 'x'")]
    [InlineData("-s 10.0.0.1 -p 80 -u / -x", "Unknown option -x")]
    [InlineData("-s 10.0.0.1 -p 80 -u / --nope", "Unknown option --nope")]
    [InlineData("-s 10.0.0.1 -p 80 -u / extra", "Unexpected argument(s): extra")]
    [InlineData("-s 10.0.0.1 -p 80 -u", "Missing parameter for option -u")]
    [InlineData("-h", "")]
    public void BadCommandLines_SayWhy(string line, string expected)
    {
        Assert.Null(Parse(line, out var error));
        Assert.Equal(expected, error);
    }
}
