using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Plugins.Vrrp.Tracking;

/// <summary>Counts running processes by scanning /proc, for <c>track_process</c>.</summary>
internal static class ProcessTable
{
    /// <summary>One snapshot of every process: its comm and its argv.</summary>
    public static IReadOnlyList<(string Comm, string[] Argv)> Snapshot(string proc = "/proc")
    {
        var result = new List<(string, string[])>();
        foreach (var dir in Directory.EnumerateDirectories(proc))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                var comm = File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd('\n');
                var argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                result.Add((comm, argv));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended between listing and reading.
            }
        }

        return result;
    }

    /// <summary>How many processes in <paramref name="snapshot"/> match <paramref name="options"/>.</summary>
    public static int Count(IReadOnlyList<(string Comm, string[] Argv)> snapshot, TrackProcessOptions options) =>
        snapshot.Count(p => Matches(p.Comm, p.Argv, options));

    /// <summary>True when the process count is within quorum..quorum_max.</summary>
    public static bool InQuorum(int count, TrackProcessOptions options) =>
        count >= options.Quorum && (options.QuorumMax is null || count <= options.QuorumMax);

    private static bool Matches(string comm, string[] argv, TrackProcessOptions options)
    {
        var wanted = options.Process.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Length == 0)
        {
            return false;
        }

        var name = argv.Length > 0 ? argv[0] : comm;
        if (comm != wanted[0] && name != wanted[0] && Path.GetFileName(name) != wanted[0])
        {
            return false;
        }

        // keepalived: without parameters in the process line any parameters match; param_match says how they compare.
        var expected = wanted[1..];
        var actual = argv.Length > 0 ? argv[1..] : [];
        return expected.Length == 0 || options.Parameters switch
        {
            "initial" => actual.Length >= expected.Length && actual.Take(expected.Length).SequenceEqual(expected),
            "partial" => Enumerable.Range(0, Math.Max(0, actual.Length - expected.Length + 1))
                .Any(i => actual.Skip(i).Take(expected.Length).SequenceEqual(expected)),
            _ => actual.SequenceEqual(expected),
        };
    }
}
