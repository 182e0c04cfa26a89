using System.Globalization;

namespace Vigil.Demo;

/// <summary>What the client saw, collected from its lines as they arrive (thread-safe).</summary>
internal sealed class ClientLog
{
    private readonly List<ClientRecord> _records = [];
    private readonly Lock _gate = new();

    /// <summary>Raised for each request, after it is recorded.</summary>
    public event Action<ClientRecord>? Recorded;

    /// <summary>Adds a line the client printed; other lines are ignored.</summary>
    public void Add(string line)
    {
        if (ClientRecord.TryParse(line) is not { } record)
        {
            return;
        }

        lock (_gate)
        {
            _records.Add(record);
        }

        Recorded?.Invoke(record);
    }

    /// <summary>The answer to the latest request, or null before any.</summary>
    public ClientRecord? Last { get { lock (_gate) { return _records.Count == 0 ? null : _records[^1]; } } }

    /// <summary>Every request so far, in the order sent.</summary>
    public IReadOnlyList<ClientRecord> Snapshot() { lock (_gate) { return [.. _records]; } }

    /// <summary>The first answered request from <paramref name="node"/> sent at or after <paramref name="sinceUnixMs"/>.</summary>
    public ClientRecord? FirstAnswerFrom(string node, long sinceUnixMs)
    {
        lock (_gate)
        {
            return _records.FirstOrDefault(r => r.Ok && r.Detail == node && r.SentUnixMs >= sinceUnixMs);
        }
    }

    /// <summary>One line: requests, answered, failed, answers per node, longest time without an answer.</summary>
    public string Summary()
    {
        ClientRecord[] records;
        lock (_gate)
        {
            records = [.. _records];
        }

        var ok = records.Where(r => r.Ok).ToArray();
        var perNode = string.Join(", ", ok.GroupBy(r => r.Detail).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var gap = LongestGapMs(records);
        return string.Create(CultureInfo.InvariantCulture,
            $"{records.Length} requests, {ok.Length} answered ({perNode}), {records.Length - ok.Length} failed; longest time without an answer {gap / 1000.0:0.00} s");
    }

    /// <summary>The longest stretch between two answered requests (counting from the first request).</summary>
    public static long LongestGapMs(IReadOnlyList<ClientRecord> records)
    {
        long longest = 0;
        long? previous = null;
        foreach (var record in records.Where(r => r.Ok))
        {
            var answered = record.SentUnixMs + record.ElapsedMs;
            if (previous is { } p)
            {
                longest = Math.Max(longest, answered - p);
            }

            previous = answered;
        }

        return longest;
    }
}
