namespace Vigil.Host;

/// <summary>One registry of the host's log event ids, so ids never collide between classes.</summary>
internal static class EventIds
{
    public const int ModuleLoaded = 1000;
    public const int ModuleDisabled = 1001;
    public const int ModuleStarting = 1002;
    public const int ModuleStarted = 1003;
    public const int ModuleStopping = 1004;
    public const int ModuleStopFailed = 1005;
    public const int ModuleFailed = 1006;

    public const int ConfigIssue = 1100;
    public const int ReloadRequested = 1101;
    public const int ReloadRejected = 1102;
    public const int ReloadApplied = 1103;
    public const int ReloadFailed = 1104;
    public const int ConfigLoaded = 1105;

    public const int SubscriberFailed = 1200;
    public const int SubscriberOverflow = 1201;

    public const int AdminListening = 1300;
    public const int AdminRequestFailed = 1301;

    public const int MetricsListening = 1400;

    public const int ScriptStartFailed = 1500;
    public const int ScriptTimedOut = 1501;

    public const int HostStopping = 1600;
    public const int ModuleDirectoryFailed = 1601;

    public const int StateReaderFailed = 1700;

    public const int OperationFailed = 1800;
}
