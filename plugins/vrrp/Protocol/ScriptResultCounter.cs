namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>
/// A <c>vrrp_script</c>'s rise/fall hysteresis: it goes down after <c>fall</c> consecutive failures and up after
/// <c>rise</c> consecutive successes. It starts up unless <c>init_fail</c> is set (keepalived's default).
/// </summary>
internal sealed class ScriptResultCounter
{
    private readonly int _rise;
    private readonly int _fall;
    private int _streak;

    /// <summary>Creates a counter with <paramref name="rise"/> and <paramref name="fall"/> (each at least 1).</summary>
    public ScriptResultCounter(int rise = 1, int fall = 1, bool initFail = false)
    {
        _rise = Math.Max(1, rise);
        _fall = Math.Max(1, fall);
        Up = !initFail;
    }

    /// <summary>The current state.</summary>
    public bool Up { get; private set; }

    /// <summary>Records one run's outcome (a timeout is a failure); returns true when <see cref="Up"/> changed.</summary>
    public bool Record(bool success)
    {
        if (success == Up)
        {
            _streak = 0;
            return false;
        }

        _streak++;
        if (_streak < (success ? _rise : _fall))
        {
            return false;
        }

        Up = success;
        _streak = 0;
        return true;
    }
}
