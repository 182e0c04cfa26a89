namespace Vigil.Linux.Netlink.Route;

/// <summary>What a policy routing rule does when it matches (linux/fib_rules.h FR_ACT_*).</summary>
public enum RuleAction : byte
{
    /// <summary>Look the route up in a table (<c>table N</c> / <c>lookup N</c>, or <c>l3mdev</c>).</summary>
    Table = 1,

    /// <summary>Jump to the rule with the given preference (<c>goto N</c>).</summary>
    Goto = 2,

    /// <summary>Do nothing (<c>nop</c>).</summary>
    Nop = 3,

    /// <summary>Drop silently (<c>blackhole</c>).</summary>
    Blackhole = 6,

    /// <summary>Drop with ENETUNREACH (<c>unreachable</c>).</summary>
    Unreachable = 7,

    /// <summary>Drop with EACCES (<c>prohibit</c>).</summary>
    Prohibit = 8,
}
