namespace Vigil.Plugins.Vrrp;

/// <summary>The VRRP module's log event ids, in one place so they never collide.</summary>
internal static class VrrpEventIds
{
    public const int Transition = 4000;
    public const int GroupTransition = 4001;
    public const int Rejected = 4002;
    public const int SendFailed = 4003;
    public const int ReceiveFailed = 4005;
    public const int AddressFailed = 4004;
    public const int InstanceStarted = 4010;
    public const int InstanceStopped = 4011;
    public const int InstanceFailed = 4012;
    public const int Reloaded = 4013;
    public const int VmacFailed = 4014;
    public const int EngineCrashed = 4015;
    public const int TrackChanged = 4020;
    public const int ScriptFailed = 4021;
    public const int LinkMonitorFailed = 4022;
}
