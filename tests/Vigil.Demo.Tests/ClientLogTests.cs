namespace Vigil.Demo.Tests;

/// <summary>The client's lines and what the demo makes of them.</summary>
public sealed class ClientLogTests
{
    [Fact]
    public void TryParse_RoundTripsBothKinds()
    {
        var ok = new ClientRecord(1000, true, 3, "node-a");
        var fail = new ClientRecord(1100, false, 300, "timeout");

        Assert.Equal(ok, ClientRecord.TryParse(ok.ToString()));
        Assert.Equal(fail, ClientRecord.TryParse(fail.ToString()));
        Assert.Null(ClientRecord.TryParse("Unhandled exception"));
    }

    [Fact]
    public void Summary_CountsPerNodeAndLongestGap()
    {
        var log = new ClientLog();
        foreach (var line in new[] { "1000 ok 2 node-a", "1100 fail 300 timeout", "1400 fail 300 timeout", "1700 ok 5 node-b", "1800 ok 1 node-b", "noise" })
        {
            log.Add(line);
        }

        Assert.Equal("5 requests, 3 answered (node-a 1, node-b 2), 2 failed; longest time without an answer 0.70 s", log.Summary());
        Assert.Equal(new ClientRecord(1700, true, 5, "node-b"), log.FirstAnswerFrom("node-b", 1000));
        Assert.Null(log.FirstAnswerFrom("node-a", 1001));
    }
}
