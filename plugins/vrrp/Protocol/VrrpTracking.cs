namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>
/// keepalived's tracking arithmetic. Weight 0: the object being down means FAULT. Weight &gt; 0: added while up.
/// Weight &lt; 0: added (subtracted) while down. <c>reverse</c> swaps up and down. Files add value × weight (weight 0:
/// a non-zero value is FAULT; a product at or below -254 is FAULT too). The result is clamped to 1-254; the address
/// owner (255) ignores weights but still faults.
/// </summary>
internal static class VrrpTracking
{
    /// <summary>Computes the effective priority and fault state of an instance of <paramref name="basePriority"/>.</summary>
    public static TrackingResult Evaluate(int basePriority, IEnumerable<TrackStatus> statuses)
    {
        var priority = basePriority;
        string? fault = null;
        foreach (var status in statuses)
        {
            if (status.Kind == TrackKind.File)
            {
                var product = status.FileValue * status.Weight;
                if ((status.Weight == 0 && status.FileValue != 0) || product <= -254)
                {
                    fault ??= $"track_file {status.Name} value {status.FileValue}";
                }
                else
                {
                    priority += (int)Math.Clamp(status.Reverse ? -product : product, -1000, 1000);
                }

                continue;
            }

            var up = status.Up != status.Reverse;
            if (status.Weight == 0)
            {
                if (!status.Up)
                {
                    fault ??= Describe(status);
                }
            }
            else if (status.Weight > 0 && up)
            {
                priority += status.Weight;
            }
            else if (status.Weight < 0 && !up)
            {
                priority += status.Weight;
            }
        }

        var effective = basePriority == 255 ? 255 : Math.Clamp(priority, 1, 254);
        return new TrackingResult(effective, fault is not null, fault ?? "");
    }

    private static string Describe(TrackStatus status) => status.Kind switch
    {
        TrackKind.Script => $"track_script {status.Name} failed",
        TrackKind.Interface => $"track_interface {status.Name} down",
        TrackKind.Process => $"track_process {status.Name} not running",
        TrackKind.VirtualServer => $"track_virtual_server {status.Name} lost quorum",
        _ => $"{status.Kind} {status.Name} down",
    };
}
