namespace Vigil.Plugins.Checkers.Checkers.FileCheck;

/// <summary>
/// What a tracked file's value makes of a FILE_CHECK (track_file.c's <c>update_track_file_status</c> and
/// <c>process_update_checker_track_file_status</c>). With a weight, the value times the weight (negated by
/// <c>reverse</c>), clamped to 32 bits, is added to the real server's weight, and the check is down when that reaches
/// -2^31 (IPVS_WEIGHT_FAULT). With weight 0 the value only says up or down: 0 is up, anything else down, the other way
/// round with <c>reverse</c>. Pure.
/// </summary>
internal static class FileCheckRule
{
    /// <summary>Up or down, and the weight to add to the real server's while up.</summary>
    public static (bool Up, long Delta) Evaluate(long value, int weight, bool reverse)
    {
        if (weight == 0)
        {
            return ((value == 0) != reverse, 0);
        }

        var product = Math.Clamp(value * weight * (reverse ? -1 : 1), int.MinValue, int.MaxValue);
        return product == int.MinValue ? (false, 0) : (true, product);
    }

    /// <summary>The real server's weight while up: keepalived's real_weight, clamped to [0, 2^31-1].</summary>
    public static int Weight(int configured, long delta) => (int)Math.Clamp(configured + delta, 0, int.MaxValue);
}
