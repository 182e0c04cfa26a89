using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Something handed to a <see cref="GroupRunner"/> thread.</summary>
internal abstract record EngineInput;

/// <summary>A packet one of the runner's sockets received.</summary>
internal sealed record ReceivedInput(InstanceContext Instance, Os.VrrpDatagram Datagram) : EngineInput;

/// <summary>A tracked object changed.</summary>
internal sealed record TrackInput(TrackUpdate Update) : EngineInput;

/// <summary>Stop every instance (priority 0, release addresses) and end the thread.</summary>
internal sealed record ShutdownInput : EngineInput;
