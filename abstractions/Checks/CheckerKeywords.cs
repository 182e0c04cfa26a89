namespace Vigil.Abstractions.Checks;

/// <summary>keepalived's standard checker keywords, by group.</summary>
public static class CheckerKeywords
{
    /// <summary>The timing keywords (<see cref="StandardCheckerOptions.Timing"/>), including the deprecated <c>nb_get_retry</c>.</summary>
    public static readonly IReadOnlySet<string> Timing = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alpha", "connect_timeout", "retry", "nb_get_retry", "delay_before_retry", "warmup", "delay_loop", "log_all_failures",
    };

    /// <summary>The connection keywords (<see cref="StandardCheckerOptions.Connection"/>).</summary>
    public static readonly IReadOnlySet<string> Connection = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "connect_ip", "connect_port", "bindto", "bind_if", "bind_port", "fwmark",
    };

    /// <summary>The keywords a real_server or virtual_server block may set for its checkers to inherit.</summary>
    public static readonly IReadOnlySet<string> Inheritable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alpha", "connect_timeout", "retry", "nb_get_retry", "delay_before_retry", "warmup", "delay_loop",
    };

    /// <summary>Every keyword a checker with <paramref name="schema"/> accepts.</summary>
    public static IReadOnlySet<string> For(CheckerSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var all = new HashSet<string>(schema.Keywords, StringComparer.OrdinalIgnoreCase);
        if (schema.Standard.HasFlag(StandardCheckerOptions.Timing))
        {
            all.UnionWith(Timing);
        }

        if (schema.Standard.HasFlag(StandardCheckerOptions.Connection))
        {
            all.UnionWith(Connection);
        }

        return all;
    }
}
