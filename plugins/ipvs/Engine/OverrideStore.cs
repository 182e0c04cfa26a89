using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>
/// Operators' drains and weights, kept in the cluster state (where the planner reads them) and in a file in the
/// module's state directory, so a drain outlives a reload and a restart: a rolling release's batch stays out until
/// someone enables it.
/// </summary>
internal sealed class OverrideStore
{
    private const string Source = "ipvs";
    private const string FileName = "overrides.json";

    private readonly IClusterState _state;
    private readonly string? _path;
    private readonly Lock _gate = new();

    /// <summary>Creates the store; <paramref name="stateDirectory"/> null keeps overrides in memory only.</summary>
    public OverrideStore(IClusterState state, string? stateDirectory)
    {
        _state = state;
        _path = string.IsNullOrEmpty(stateDirectory) ? null : Path.Combine(stateDirectory, FileName);
    }

    /// <summary>Puts the saved overrides back into the cluster state; returns how many, and the error text of an unreadable file (which is then left as it is).</summary>
    public (int Restored, string? Error) Restore()
    {
        if (_path is null || !File.Exists(_path))
        {
            return (0, null);
        }

        try
        {
            var items = JsonNode.Parse(File.ReadAllText(_path))?.AsArray() ?? [];
            var restored = 0;
            foreach (var item in items)
            {
                if (item is null
                    || !VirtualServerKey.TryParse((string?)item["vs"], TransportProtocol.Tcp, out var vs, out _)
                    || !RealServerKey.TryParse((string?)item["rs"], 0, out var rs, out _))
                {
                    continue;
                }

                var value = new RealServerOverride(vs, rs, (bool?)item["drained"] ?? false, (int?)item["weight"], (string?)item["reason"] ?? "restored");
                _state.Set(StateKeys.RealServerOverride(vs, rs), value, Source);
                restored++;
            }

            return (restored, null);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return (0, $"{_path}: {e.Message}");
        }
    }

    /// <summary>The override of one real server, or null.</summary>
    public RealServerOverride? Get(VirtualServerKey vs, RealServerKey rs) => _state.Current.Get(StateKeys.RealServerOverride(vs, rs))?.Value;

    /// <summary>Sets (or, with null, clears) one real server's override, then saves all of them.</summary>
    public void Put(VirtualServerKey vs, RealServerKey rs, RealServerOverride? value)
    {
        lock (_gate)
        {
            if (value is null)
            {
                _state.Remove(StateKeys.RealServerOverride(vs, rs));
            }
            else
            {
                _state.Set(StateKeys.RealServerOverride(vs, rs), value, Source);
            }

            Save();
        }
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        var items = new JsonArray();
        foreach (var entry in _state.Current.All<RealServerOverride>())
        {
            var o = entry.Value;
            items.Add(new JsonObject { ["vs"] = o.VirtualServer.ToString(), ["rs"] = o.RealServer.ToString(), ["drained"] = o.Drained, ["weight"] = o.Weight, ["reason"] = o.Reason });
        }

        // Written aside and renamed so a crash mid-write never leaves half a file: the old overrides or the new.
        var temp = _path + ".tmp";
        File.WriteAllText(temp, items.ToJsonString());
        File.Move(temp, _path, overwrite: true);
    }
}
