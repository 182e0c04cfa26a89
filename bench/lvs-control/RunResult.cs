namespace Vigil.Ipvs.Bench;

/// <summary>What one run (one plane, one process) measured; the child prints it as JSON for the parent's table.</summary>
internal sealed record RunResult
{
    public required string Plane { get; init; }

    /// <summary>Programming the full table from empty, once.</summary>
    public required double InitialApplyMs { get; init; }

    /// <summary>Each measured health change: state write until the plane's apply returned.</summary>
    public required IReadOnlyList<double> ChangeMs { get; init; }

    /// <summary>Per measured health change, the CPU time of the whole process from the state write until the apply returned.</summary>
    public required IReadOnlyList<double> ChangeCpuMs { get; init; }

    /// <summary>Per measured full reload, the CPU time of the whole process during ReloadAsync.</summary>
    public required IReadOnlyList<double> ReloadCpuMs { get; init; }

    /// <summary>Each measured full reload (every weight changed): ReloadAsync's duration.</summary>
    public required IReadOnlyList<double> ReloadMs { get; init; }

    /// <summary>Memory with the full table programmed, less the warmed-up empty baseline.</summary>
    public required MemorySample TableDelta { get; init; }

    /// <summary>As <see cref="TableDelta"/>, after the reloads.</summary>
    public required MemorySample ReloadedDelta { get; init; }

    /// <summary>As <see cref="ReloadedDelta"/>, with a health entry in the state for every real server as well.</summary>
    public required MemorySample WithHealthDelta { get; init; }

    /// <summary>Changes or reloads that did not produce exactly one apply of every service (must be 0).</summary>
    public required int Anomalies { get; init; }
}
