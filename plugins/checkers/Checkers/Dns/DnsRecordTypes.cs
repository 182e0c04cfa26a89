namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>The record types DNS_CHECK's <c>type</c> takes (check_dns.c's table), by name and code. Pure.</summary>
internal static class DnsRecordTypes
{
    /// <summary>keepalived's default: SOA.</summary>
    public const ushort Default = 6;

    private static readonly (string Name, ushort Code)[] Table =
    [
        ("A", 1), ("NS", 2), ("CNAME", 5), ("SOA", 6), ("MX", 15), ("TXT", 16), ("AAAA", 28), ("RRSIG", 46), ("DNSKEY", 48),
    ];

    /// <summary>The names, for messages.</summary>
    public static string Known => string.Join(", ", Table.Select(t => t.Name));

    /// <summary>The code of <paramref name="name"/> (any case).</summary>
    public static bool TryParse(string name, out ushort code)
    {
        foreach (var (n, c) in Table)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                code = c;
                return true;
            }
        }

        code = 0;
        return false;
    }

    /// <summary>The name of <paramref name="code"/>, or <c>TYPE</c>n.</summary>
    public static string NameOf(ushort code) => Table.FirstOrDefault(t => t.Code == code).Name ?? $"TYPE{code}";
}
