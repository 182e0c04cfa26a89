using System.Net;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// One running <c>vrrp_instance</c>: its router, its socket and the interface it holds addresses on. Owned by one
/// <see cref="GroupRunner"/> thread; the status properties are read by other threads.
/// </summary>
internal sealed class InstanceContext
{
    private readonly Dictionary<IPAddress, uint> _ahSequences = [];
    private uint _ahSequence;
    private ushort _ipId;

    public InstanceContext(VrrpInstanceOptions options, VrrpGlobalOptions global, InstanceLink link, IVrrpSocket socket, InstanceTracking tracking)
    {
        Options = options;
        Global = global;
        Link = link;
        Socket = socket;
        Tracking = tracking;
        Rules = new RuleSet(options.VirtualRules);
        Router = new VrrpRouter(VrrpConfigurationReader.ToRouterSettings(options, link.SourceAddress));
        Destinations = IsUnicast ? options.UnicastPeers : [socket.Group];
        Expectation = new(
            Router.Settings.Version,
            Router.Settings.VirtualRouterId,
            options.Authentication?.Type ?? VrrpAuthType.None,
            options.Authentication?.Key,
            VrrpTiming.MsToIntervalField(Router.Settings.Version, Router.Settings.AdvertisementIntervalMs),
            options.SkipCheckAdvAddr ? null : Router.Settings.VirtualAddresses,
            CheckTtl: !IsUnicast);
        _ipId = (ushort)Random.Shared.Next(1, ushort.MaxValue);
        _ahSequence = 0;
    }

    /// <summary>The instance options.</summary>
    public VrrpInstanceOptions Options { get; }

    /// <summary>The global options it was started with.</summary>
    public VrrpGlobalOptions Global { get; }

    /// <summary>Where it sends and holds addresses.</summary>
    public InstanceLink Link { get; }

    /// <summary>Its advertisement socket.</summary>
    public IVrrpSocket Socket { get; }

    /// <summary>The state machine.</summary>
    public VrrpRouter Router { get; }

    /// <summary>Its virtual_rules, installed while it is MASTER.</summary>
    public RuleSet Rules { get; }

    /// <summary>Its tracked objects.</summary>
    public InstanceTracking Tracking { get; }

    /// <summary>Packet counters.</summary>
    public InstanceCounters Counters { get; } = new();

    /// <summary>The instance name.</summary>
    public string Name => Options.Name;

    /// <summary>Last published state (for status and gauges).</summary>
    public VrrpState State { get; set; } = VrrpState.Init;

    /// <summary>Last published effective priority.</summary>
    public int EffectivePriority { get; set; }

    /// <summary>The state last written to the shared cluster state; null before the first write.</summary>
    public VrrpState? SharedState { get; set; }

    /// <summary>The effective priority last written to the shared cluster state.</summary>
    public int SharedPriority { get; set; }

    /// <summary>The current master's address (ours when MASTER), or null.</summary>
    public IPAddress? MasterAddress { get; set; }

    /// <summary>When the last transition happened.</summary>
    public DateTimeOffset? LastTransition { get; set; }

    /// <summary>Why the last transition happened.</summary>
    public string LastReason { get; set; } = "";

    /// <summary>True while the virtual addresses are installed.</summary>
    public bool HoldsAddresses { get; set; }

    /// <summary>Where advertisements go: each unicast peer, or the multicast group.</summary>
    public IReadOnlyList<IPAddress> Destinations { get; }

    /// <summary>The encoded advertisements last sent.</summary>
    public AdvertCache Adverts { get; } = new();

    /// <summary>True when the instance sends to unicast peers instead of the group.</summary>
    public bool IsUnicast => Options.UnicastPeers.Count > 0;

    /// <summary>The next AH sequence number to send.</summary>
    public uint NextAhSequence() => ++_ahSequence;

    /// <summary>The next non-zero IPv4 id for AH datagrams.</summary>
    public ushort NextIpId()
    {
        _ipId = (ushort)(_ipId == ushort.MaxValue ? 1 : _ipId + 1);
        return _ipId;
    }

    /// <summary>The last AH sequence number accepted from <paramref name="sender"/>.</summary>
    public uint LastAhSequence(IPAddress sender) => _ahSequences.GetValueOrDefault(sender);

    /// <summary>Remembers the AH sequence number accepted from <paramref name="sender"/>.</summary>
    public void AcceptAhSequence(IPAddress sender, uint sequence) => _ahSequences[sender] = sequence;

    /// <summary>Forgets AH sequence numbers, so a peer that restarted (and counts from 1 again) is heard after a transition.</summary>
    public void ResetAhSequences() => _ahSequences.Clear();

    /// <summary>What received advertisements must match.</summary>
    public VrrpExpectation Expectation { get; }
}
