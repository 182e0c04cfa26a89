using System.Net.Sockets;
using Vigil.Linux;
using Vigil.Linux.Netlink.Route;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>
/// An instance's virtual_rules: added when it becomes MASTER, deleted when it leaves MASTER. Remembers which rules it
/// installed (keepalived's <c>set</c> flag) so a repeated call does nothing and a failed rule is retried on the next
/// add. Not thread-safe: the instance's runner thread owns it.
/// </summary>
internal sealed class RuleSet
{
    private readonly bool[] _installed;

    /// <summary>A set holding <paramref name="rules"/>, none installed yet.</summary>
    public RuleSet(IReadOnlyList<RuleSpec> rules)
    {
        Rules = rules;
        _installed = new bool[rules.Count];
    }

    /// <summary>The rules, in configuration order.</summary>
    public IReadOnlyList<RuleSpec> Rules { get; }

    /// <summary>True while at least one rule is installed.</summary>
    public bool AnyInstalled => _installed.Any(i => i);

    /// <summary>Adds every rule not yet installed; a rule that fails is reported to <paramref name="failed"/> and skipped.</summary>
    public void Add(INetlinkClient netlink, Action<RuleSpec, Exception> failed)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (!_installed[i])
            {
                _installed[i] = Try(() => netlink.AddRule(Rules[i]), Rules[i], failed);
            }
        }
    }

    /// <summary>Deletes every installed rule, in reverse order; a failure is reported and the rule forgotten.</summary>
    public void Remove(INetlinkClient netlink, Action<RuleSpec, Exception> failed)
    {
        for (var i = Rules.Count - 1; i >= 0; i--)
        {
            if (_installed[i])
            {
                Try(() => netlink.DeleteRule(Rules[i]), Rules[i], failed);
                _installed[i] = false;
            }
        }
    }

    private static bool Try(Action action, RuleSpec rule, Action<RuleSpec, Exception> failed)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is OsException or SocketException or IOException or ObjectDisposedException)
        {
            failed(rule, e);
            return false;
        }
    }
}
