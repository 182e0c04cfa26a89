namespace Vigil.Abstractions.Checks;

/// <summary>Which of keepalived's standard checker keywords a checker takes (keepalived.conf(5), "All checkers have …").</summary>
[Flags]
public enum StandardCheckerOptions
{
    /// <summary>None of them (keepalived's FILE_CHECK and BFD_CHECK).</summary>
    None = 0,

    /// <summary><c>alpha</c>, <c>connect_timeout</c>, <c>retry</c>, <c>delay_before_retry</c>, <c>warmup</c>, <c>delay_loop</c>, <c>log_all_failures</c> (MISC_CHECK takes only these).</summary>
    Timing = 1,

    /// <summary><c>connect_ip</c>, <c>connect_port</c>, <c>bindto</c>, <c>bind_if</c>, <c>bind_port</c>, <c>fwmark</c>.</summary>
    Connection = 2,

    /// <summary>Both groups, as most checkers take.</summary>
    All = Timing | Connection,
}
