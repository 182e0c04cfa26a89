namespace Vigil.Demo;

/// <summary>
/// What the cluster story asks of the client's records (in the order sent: the client waits for each answer before
/// the next request): since when a condition held without a break, and whether answers rotate. Pure.
/// </summary>
internal static class ClientRuns
{
    /// <summary>
    /// The index of the first record sent at or after <paramref name="sinceUnixMs"/> that starts
    /// <paramref name="length"/> consecutive records <paramref name="accept"/> takes; -1 when there is none yet.
    /// </summary>
    public static int FirstRun(IReadOnlyList<ClientRecord> records, long sinceUnixMs, int length, Func<ClientRecord, bool> accept)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var start = -1;
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].SentUnixMs < sinceUnixMs || !accept(records[i]))
            {
                start = -1;
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            if (i - start + 1 == length)
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>The first record from index <paramref name="from"/> on that <paramref name="accept"/> does not take, or null.</summary>
    public static ClientRecord? FirstRejected(IReadOnlyList<ClientRecord> records, int from, Func<ClientRecord, bool> accept)
    {
        for (var i = Math.Max(from, 0); i < records.Count; i++)
        {
            if (!accept(records[i]))
            {
                return records[i];
            }
        }

        return null;
    }

    /// <summary>
    /// True when the records end in two full rounds of round robin over <paramref name="servers"/>, all sent at or
    /// after <paramref name="sinceUnixMs"/>: the last 2n are answers, the first n of them each server once, and the
    /// second n the same order again.
    /// </summary>
    public static bool EndsInRotation(IReadOnlyList<ClientRecord> records, long sinceUnixMs, IReadOnlyCollection<string> servers)
    {
        var n = servers.Count;
        if (n == 0 || records.Count < 2 * n)
        {
            return false;
        }

        var tail = records.Skip(records.Count - (2 * n)).ToArray();
        if (tail.Any(r => !r.Ok || r.SentUnixMs < sinceUnixMs))
        {
            return false;
        }

        var round = tail.Take(n).Select(r => r.Detail).ToArray();
        return round.Order(StringComparer.Ordinal).SequenceEqual(servers.Order(StringComparer.Ordinal))
            && tail.Skip(n).Select(r => r.Detail).SequenceEqual(round);
    }
}
