using Vigil.Abstractions.Events;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>
/// keepalived's <c>vrrp_sync_group</c>: its members move together. A member only becomes MASTER when every peer also
/// wants MASTER (keepalived prefers BACKUP to avoid thrashing); once one is MASTER the others are forced to MASTER; one
/// going BACKUP takes the others to BACKUP; one FAULT faults all, and they leave FAULT together when none is faulty.
/// After every call on a member, the driver passes the member's actions to <see cref="Reconcile"/> and performs what it
/// returns as well.
/// </summary>
internal sealed class VrrpSyncGroup : ISyncGate
{
    private readonly List<VrrpRouter> _members;

    /// <summary>Creates the group and installs itself as each member's <see cref="VrrpRouter.Gate"/>.</summary>
    public VrrpSyncGroup(string name, IEnumerable<VrrpRouter> members)
    {
        Name = name;
        _members = members.ToList();
        foreach (var member in _members)
        {
            member.Gate = this;
        }
    }

    /// <summary>The group name.</summary>
    public string Name { get; }

    /// <summary>The members.</summary>
    public IReadOnlyList<VrrpRouter> Members => _members;

    /// <summary>The group state (Init until a member moves).</summary>
    public VrrpState State { get; private set; } = VrrpState.Init;

    /// <inheritdoc />
    public bool MayBecomeMaster(VrrpRouter member) =>
        State == VrrpState.Master
        || _members.All(m => m == member || m.State == VrrpState.Master || (m.State == VrrpState.Backup && m.WantsMaster));

    /// <inheritdoc />
    public bool MustStayFaulted(VrrpRouter member) => _members.Any(m => m != member && m.HasOwnFault);

    /// <summary>
    /// Applies the group rules after <paramref name="source"/> produced <paramref name="actions"/>. Returns the forced
    /// members' actions and, when the group state changed, the group transition (old, new, reason).
    /// </summary>
    public SyncGroupOutcome Reconcile(VrrpRouter source, IReadOnlyList<VrrpAction> actions, long now)
    {
        var forced = new List<(VrrpRouter Member, IReadOnlyList<VrrpAction> Actions)>();
        var old = State;
        foreach (var change in actions.OfType<StateChange>())
        {
            var reason = $"sync group {Name} member {source.Name} entered {change.NewState.ToString().ToUpperInvariant()}";
            switch (change.NewState)
            {
                case VrrpState.Master:
                    State = VrrpState.Master;
                    Force(forced, source, m => m.ForceMaster(now, reason));
                    break;
                case VrrpState.Backup when change.OldState == VrrpState.Master:
                    State = VrrpState.Backup;
                    Force(forced, source, m => m.ForceBackup(now, reason));
                    break;
                case VrrpState.Backup when change.OldState == VrrpState.Fault:
                    State = VrrpState.Backup;
                    Force(forced, source, m => m.ReleaseFault(now, reason));
                    break;
                case VrrpState.Backup:
                    if (State is VrrpState.Init)
                    {
                        State = VrrpState.Backup;
                    }

                    break;
                case VrrpState.Fault:
                    State = VrrpState.Fault;
                    Force(forced, source, m => m.ForceFault(now, reason));
                    break;
                case VrrpState.Stop:
                    if (_members.All(m => m.State == VrrpState.Stop))
                    {
                        State = VrrpState.Stop;
                    }

                    break;
            }
        }

        var transition = old != State ? new StateChange(old, State, $"member {source.Name} entered {State.ToString().ToUpperInvariant()}") : null;
        return new SyncGroupOutcome(forced, transition);
    }

    private void Force(List<(VrrpRouter, IReadOnlyList<VrrpAction>)> forced, VrrpRouter source, Func<VrrpRouter, IReadOnlyList<VrrpAction>> apply)
    {
        foreach (var member in _members.Where(m => m != source))
        {
            var result = apply(member);
            if (result.Count > 0)
            {
                forced.Add((member, result));
            }
        }
    }
}
