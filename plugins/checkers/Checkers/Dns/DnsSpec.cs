using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>A DNS_CHECK block's own keywords: <c>type</c> (SOA by default) and <c>name</c> (<c>.</c> by default).</summary>
/// <param name="Type">The query type code.</param>
/// <param name="Name">The query name.</param>
internal sealed record DnsSpec(ushort Type, string Name)
{
    /// <summary>Reads <paramref name="block"/>, reporting every problem.</summary>
    public static DnsSpec Read(ConfigBlock block)
    {
        var type = DnsRecordTypes.Default;
        if (block.String("type") is { } typeText && !DnsRecordTypes.TryParse(typeText.Trim(), out type))
        {
            block.Error("type", $"unknown DNS type '{typeText}' in {block.Context} (known: {DnsRecordTypes.Known})");
        }

        var name = block.String("name")?.Trim() ?? ".";
        if (DnsName.Problem(name) is { } problem)
        {
            block.Error("name", $"DNS name '{name}' in {block.Context} {problem}");
            name = ".";
        }

        return new DnsSpec(type, name);
    }
}
