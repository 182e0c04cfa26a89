using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Vigil.Demo.Tests;

/// <summary>The cluster story's questions about the client's requests: since when a state held, and round robin.</summary>
public sealed class ClientRunsTests
{
    private static readonly string[] Servers = ["rs1", "rs2", "rs3"];

    [Fact]
    public void FirstRun_IsTheStartOfTheFirstUnbrokenStretch_SentSinceTheGivenTime()
    {
        var records = Log("ok rs1", "ok rs3", "fail timeout", "ok rs1", "ok rs3", "ok rs1", "fail refused", "ok rs3");

        Assert.Equal(3, ClientRuns.FirstRun(records, 0, 3, r => r.Ok));
        Assert.Equal(0, ClientRuns.FirstRun(records, 0, 2, r => r.Ok));
        Assert.Equal(3, ClientRuns.FirstRun(records, records[1].SentUnixMs, 2, r => r.Ok));
        Assert.Equal(-1, ClientRuns.FirstRun(records, 0, 4, r => r.Ok));
        Assert.Equal(-1, ClientRuns.FirstRun([], 0, 1, r => r.Ok));
    }

    [Fact]
    public void FirstRejected_IsTheFirstRecordFromTheIndexTheConditionRefuses()
    {
        var records = Log("fail timeout", "ok rs1", "ok rs3", "ok rs2", "ok rs1");

        Assert.Equal(records[3], ClientRuns.FirstRejected(records, 1, r => r.Ok && r.Detail != "rs2"));
        Assert.Null(ClientRuns.FirstRejected(records, 1, r => r.Ok));
        Assert.Equal(records[0], ClientRuns.FirstRejected(records, 0, r => r.Ok));
    }

    [Fact]
    public void EndsInRotation_WantsTwoFullRoundsInTheSameOrder()
    {
        Assert.True(ClientRuns.EndsInRotation(Log("fail timeout", "ok rs2", "ok rs3", "ok rs1", "ok rs2", "ok rs3", "ok rs1"), 0, Servers));
        Assert.False(ClientRuns.EndsInRotation(Log("ok rs1", "ok rs2", "ok rs3", "ok rs1", "ok rs3", "ok rs2"), 0, Servers));
        Assert.False(ClientRuns.EndsInRotation(Log("ok rs1", "ok rs3", "ok rs1", "ok rs3", "ok rs1", "ok rs3"), 0, Servers));
        Assert.False(ClientRuns.EndsInRotation(Log("ok rs1", "ok rs2", "ok rs3", "ok rs1", "ok rs2", "fail timeout"), 0, Servers));
        Assert.False(ClientRuns.EndsInRotation(Log("ok rs1", "ok rs2", "ok rs3", "ok rs1", "ok rs2"), 0, Servers));
    }

    [Fact]
    public void EndsInRotation_CountsOnlyRequestsSentSinceTheGivenTime()
    {
        var records = Log("ok rs1", "ok rs2", "ok rs3", "ok rs1", "ok rs2", "ok rs3");

        Assert.True(ClientRuns.EndsInRotation(records, records[0].SentUnixMs, Servers));
        Assert.False(ClientRuns.EndsInRotation(records, records[1].SentUnixMs, Servers));
    }

    [Property]
    public Property FirstRun_StartsAnAcceptedStretchOfTheLength_AndNoEarlierOneExists(bool[] accepted, PositiveInt rawLength, byte rawSince)
    {
        var records = accepted.Select((ok, i) => new ClientRecord(i * 100L, ok, 1, ok ? "rs1" : "timeout")).ToArray();
        var length = (rawLength.Get % 5) + 1;
        long since = rawSince % (accepted.Length + 1) * 100L;
        bool Starts(int i) =>
            i + length <= records.Length && records.Skip(i).Take(length).All(r => r.Ok && r.SentUnixMs >= since);

        var found = ClientRuns.FirstRun(records, since, length, r => r.Ok);

        var earliest = Enumerable.Range(0, records.Length).Where(Starts).Select(i => (int?)i).FirstOrDefault() ?? -1;
        return (found == earliest).Label($"found {found}, expected {earliest}");
    }

    [Property]
    public Property EndsInRotation_HoldsForAnyPermutationRepeated_AndFailsWhenOneAnswerChanges(PositiveInt rawShift, PositiveInt rawRounds, PositiveInt rawWrong)
    {
        var shift = rawShift.Get % Servers.Length;
        var round = Servers.Skip(shift).Concat(Servers.Take(shift)).ToArray();
        var rounds = (rawRounds.Get % 3) + 2;
        var answers = Enumerable.Repeat(round, rounds).SelectMany(r => r).ToArray();
        var records = answers.Select((name, i) => new ClientRecord(i * 100L, true, 1, name)).ToArray();
        var wrong = records.Length - 1 - (rawWrong.Get % (2 * Servers.Length));
        var broken = records.Select((r, i) => i == wrong ? r with { Detail = round[(Array.IndexOf(round, r.Detail) + 1) % round.Length] } : r).ToArray();

        return (ClientRuns.EndsInRotation(records, 0, Servers) && !ClientRuns.EndsInRotation(broken, 0, Servers)).ToProperty();
    }

    private static ClientRecord[] Log(params string[] lines) =>
        [.. lines.Select((line, i) => ClientRecord.TryParse($"{1000 + (i * 100)} {line.Split(' ')[0]} 1 {line.Split(' ')[1]}")!)];
}
