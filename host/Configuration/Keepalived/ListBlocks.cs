namespace Vigil.Host.Configuration.Keepalived;

/// <summary>
/// Blocks whose lines are items rather than keywords (<c>virtual_ipaddress { 10.0.0.1/24 dev eth0 }</c>): each line
/// becomes one string <c>key:N</c>. Only a block opened without arguments is a list: <c>track_file NAME { … }</c> at
/// top level is an ordinary named block, <c>track_file { … }</c> inside a vrrp_instance is a list.
/// </summary>
internal static class ListBlocks
{
    /// <summary>The list-block keywords.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "virtual_ipaddress", "virtual_ipaddress_excluded", "virtual_routes", "virtual_rules",
        "track_interface", "track_script", "track_file", "track_process", "track_bfd", "track_virtual_server", "unicast_peer",
        "notification_email", "group", "static_ipaddress", "static_routes", "static_rules", "linkbeat_interfaces",
    };

    /// <summary>
    /// Named blocks whose lines are items: <c>virtual_server_group NAME { 10.0.0.1 80; 10.0.0.2-10 80; fwmark 7 }</c>. Each
    /// becomes an element with its <c>name</c> and its lines as <c>members:N</c>, so repeated, IPv6 and range members all
    /// survive (as keywords, the last of a repeated address would win and an IPv6 address could not be a key).
    /// </summary>
    public static readonly IReadOnlySet<string> NamedKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "virtual_server_group",
    };

    /// <summary>The key under which a named list block's lines go.</summary>
    public const string MembersKey = "members";

    /// <summary>True when <paramref name="block"/> holds list items.</summary>
    public static bool IsList(ConfigNode block) => block.Args.Count == 0 && Keywords.Contains(block.Keyword);

    /// <summary>True when <paramref name="block"/> is a named block of list items.</summary>
    public static bool IsNamedList(ConfigNode block) => block.Args.Count > 0 && NamedKeywords.Contains(block.Keyword);
}
