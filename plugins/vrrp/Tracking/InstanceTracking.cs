using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Tracking;

/// <summary>
/// The tracked objects of one instance with their current results: the instance's track_* references resolved against
/// the top-level definitions (an instance's <c>weight</c> overrides the object's own), plus its own interface unless
/// <c>dont_track_primary</c>.
/// </summary>
internal sealed class InstanceTracking
{
    private readonly List<TrackStatus> _statuses;

    private InstanceTracking(List<TrackStatus> statuses) => _statuses = statuses;

    /// <summary>The current statuses.</summary>
    public IReadOnlyList<TrackStatus> Statuses => _statuses;

    /// <summary>Resolves the references of <paramref name="instance"/>; everything starts up (files at 0) until reported.</summary>
    public static InstanceTracking For(VrrpInstanceOptions instance, VrrpConfiguration configuration)
    {
        var statuses = new List<TrackStatus>();
        if (!instance.DontTrackPrimary && instance.Interface.Length > 0)
        {
            statuses.Add(new TrackStatus(TrackKind.Interface, instance.Interface, 0, true));
        }

        foreach (var r in instance.TrackInterfaces)
        {
            statuses.Add(new TrackStatus(TrackKind.Interface, r.Name, r.Weight ?? 0, true, 0, r.Reverse));
        }

        foreach (var r in instance.TrackScripts)
        {
            var script = configuration.Scripts.GetValueOrDefault(r.Name);
            var reverse = r.Weight is null ? script?.Reverse ?? false : r.Reverse;
            statuses.Add(new TrackStatus(TrackKind.Script, r.Name, r.Weight ?? script?.Weight ?? 0, !(script?.InitFail ?? false), 0, reverse));
        }

        foreach (var r in instance.TrackFiles)
        {
            var file = configuration.TrackFiles.GetValueOrDefault(r.Name);
            var reverse = r.Weight is null ? file?.Reverse ?? false : r.Reverse;
            statuses.Add(new TrackStatus(TrackKind.File, r.Name, r.Weight ?? file?.Weight ?? 1, true, 0, reverse));
        }

        foreach (var r in instance.TrackProcesses)
        {
            var process = configuration.TrackProcesses.GetValueOrDefault(r.Name);
            var reverse = r.Weight is null ? process?.Reverse ?? false : r.Reverse;
            statuses.Add(new TrackStatus(TrackKind.Process, r.Name, r.Weight ?? process?.Weight ?? 0, true, 0, reverse));
        }

        foreach (var r in instance.TrackVirtualServers)
        {
            statuses.Add(new TrackStatus(TrackKind.VirtualServer, r.Name, r.Weight ?? 0, true, 0, r.Reverse));
        }

        return new InstanceTracking(statuses);
    }

    /// <summary>True when this instance tracks the object of <paramref name="update"/>.</summary>
    public bool Tracks(TrackUpdate update) => _statuses.Any(s => s.Kind == update.Kind && s.Name == update.Name);

    /// <summary>Applies <paramref name="update"/>; true when a status changed.</summary>
    public bool Apply(TrackUpdate update)
    {
        var changed = false;
        for (var i = 0; i < _statuses.Count; i++)
        {
            var s = _statuses[i];
            if (s.Kind == update.Kind && s.Name == update.Name && (s.Up != update.Up || s.FileValue != update.Value))
            {
                _statuses[i] = s with { Up = update.Up, FileValue = update.Value };
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The effective priority and fault state for <paramref name="basePriority"/>.</summary>
    public TrackingResult Evaluate(int basePriority) => VrrpTracking.Evaluate(basePriority, _statuses);
}
