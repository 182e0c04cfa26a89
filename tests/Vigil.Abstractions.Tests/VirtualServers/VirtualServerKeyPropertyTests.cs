using System.Net;
using System.Net.Sockets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.VirtualServers;

public class VirtualServerKeyPropertyTests
{
    private static readonly Gen<TransportProtocol> Protocols = Gen.Elements(TransportProtocol.Tcp, TransportProtocol.Udp, TransportProtocol.Sctp);

    /// <summary>Characters the parsers treat specially, so random strings reach their branches rather than failing at once.</summary>
    private static readonly char[] Alphabet = "0123456789abcdefABCDEF:.[]/-% \t\0fwmarkgroupinet6xé:".ToCharArray();

    [Property(MaxTest = 1000)]
    public Property ParseOfToString_IsIdentity() => Prop.ForAll(Keys().ToArbitrary(), key => VirtualServerKey.Parse(key.ToString()) == key);

    [Property(MaxTest = 1000)]
    public Property TryParse_AnySpelling_GivesTheSameKey() => Prop.ForAll(Spellings().ToArbitrary(), s =>
        VirtualServerKey.TryParse(s.Text, s.Argument, out var key, out _) && key == s.Expected);

    [Property(MaxTest = 500)]
    public Property RealServerKey_ParseOfToString_IsIdentity() => Prop.ForAll(Endpoints().ToArbitrary(), e =>
    {
        var key = new RealServerKey(e.Address, e.Port);
        return RealServerKey.Parse(key.ToString()) == key;
    });

    [Property(MaxTest = 500)]
    public bool ToString_OfGroupWithAnyName_ParsesBack(string? name)
    {
        // A keepalived group name is one word: anything but the separators.
        var key = VirtualServerKey.ForGroup("g" + (name ?? "").Replace(' ', '_').Replace('\t', '_'));
        return VirtualServerKey.Parse(key.ToString()) == key;
    }

    [Property(MaxTest = 2000)]
    public bool TryParse_AnyString_NeverThrows(string? text, TransportProtocol protocol)
    {
        ParseEveryWay(text, protocol);
        return true;
    }

    [Property(MaxTest = 5000)]
    public Property TryParse_AnyStringOfSyntaxCharacters_NeverThrows() => Prop.ForAll(
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements(Alphabet), n)).Select(c => new string(c)).ToArbitrary(),
        Protocols.ToArbitrary(),
        (text, protocol) =>
        {
            ParseEveryWay(text, protocol);
            return true;
        });

    private static void ParseEveryWay(string? text, TransportProtocol protocol)
    {
        VirtualServerKey.TryParse(text, protocol, out _, out _);
        RealServerKey.TryParse(text, 80, out _, out _);
        VirtualServerGroupMember.TryParse(text, out _, out _);
        AddressRange.TryParse(text ?? "", out _, out _);
    }

    internal sealed record Endpoint(IPAddress Address, int Port, TransportProtocol Protocol);

    internal sealed record Spelling(string Text, TransportProtocol Argument, VirtualServerKey Expected);

    private static Gen<IPAddress> Addresses()
    {
        var v4 = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 4).Select(b => new IPAddress(b));
        var v6 = from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16)
                 from scope in Gen.OneOf(Gen.Constant(0L), Gen.Choose(1, 1000).Select(i => (long)i))
                 select new IPAddress(bytes, scope);
        var mapped = v4.Select(a => a.MapToIPv6());
        return Gen.OneOf(v4, v4, v6, v6, mapped);
    }

    private static Gen<Endpoint> Endpoints() =>
        from address in Addresses()
        from port in Gen.OneOf(Gen.Choose(0, 65535), Gen.Elements(0, 1, 80, 65535))
        from protocol in Protocols
        select new Endpoint(address, port, protocol);

    private static Gen<uint> Marks() =>
        Gen.OneOf(
            Gen.Choose(1, 100).Select(i => (uint)i),
            Gen.Two(Gen.Choose(0, 65535)).Select(p => Math.Max(1u, ((uint)p.Item1 << 16) | (uint)p.Item2)),
            Gen.Constant(uint.MaxValue));

    private static Gen<string> GroupNames() =>
        Gen.Choose(1, 12)
            .SelectMany(n => Gen.ArrayOf(Gen.Elements("abcxyzABCXYZ0189_-.".ToCharArray()), n))
            .Select(c => new string(c));

    private static Gen<VirtualServerKey> Keys() => Gen.OneOf(
        Endpoints().Select(e => VirtualServerKey.ForEndpoint(e.Address, e.Port, e.Protocol)),
        from mark in Marks()
        from v6 in Gen.Elements(true, false)
        select VirtualServerKey.ForFwmark(mark, v6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork),
        from name in GroupNames()
        from protocol in Protocols
        select VirtualServerKey.ForGroup(name, protocol));

    private static Gen<Spelling> Spellings() => Gen.OneOf(EndpointSpellings(), FwmarkSpellings(), GroupSpellings());

    /// <summary>keepalived's <c>ADDRESS PORT</c>, the joined <c>ADDRESS:PORT</c>, and a bare address, with or without a protocol suffix.</summary>
    private static Gen<Spelling> EndpointSpellings() =>
        from e in Endpoints()
        from argument in Protocols
        from form in Gen.Choose(0, 2)
        from address in AddressSpellings(e.Address, bracketed: form != 1)
        from separator in Spaces(1)
        from leading in Spaces(0)
        from trailing in Spaces(0)
        from suffixed in Gen.Elements(true, false)
        from suffix in AnyCase(TransportProtocols.Name(e.Protocol))
        let joinedHost = address.Contains(':') ? $"[{address}]" : address
        let body = form switch
        {
            0 => $"{address}{separator}{e.Port}",
            1 => $"{joinedHost}:{e.Port}",
            _ => address,
        }
        let port = form == 2 ? 0 : e.Port
        select new Spelling(
            leading + body + (suffixed ? "/" + suffix : "") + trailing,
            argument,
            VirtualServerKey.ForEndpoint(e.Address, port, suffixed ? e.Protocol : argument));

    private static Gen<Spelling> FwmarkSpellings() =>
        from mark in Marks()
        from v6 in Gen.Elements(true, false)
        from writeInet in Gen.Elements(true, false)
        from joined in Gen.Elements(true, false)
        from keyword in AnyCase("fwmark")
        from family in AnyCase(v6 ? "inet6" : "inet")
        from separator in Spaces(1)
        from separator2 in Spaces(1)
        from leading in Spaces(0)
        from trailing in Spaces(0)
        from argument in Protocols
        let named = v6 || writeInet
        let text = joined
            ? $"{keyword}:{mark}{(named ? "/" + family : "")}"
            : $"{keyword}{separator}{mark}{(named ? separator2 + family : "")}"
        select new Spelling(
            leading + text + trailing,
            argument,
            VirtualServerKey.ForFwmark(mark, v6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork));

    private static Gen<Spelling> GroupSpellings() =>
        from name in GroupNames()
        from keyword in AnyCase("group")
        from joined in Gen.Elements(true, false)
        from suffixed in Gen.Elements(true, false)
        from protocol in Protocols
        from suffix in AnyCase(TransportProtocols.Name(protocol))
        from argument in Protocols
        from separator in Spaces(1)
        from leading in Spaces(0)
        from trailing in Spaces(0)
        let body = joined ? $"{keyword}:{name}" : $"{keyword}{separator}{name}"
        select new Spelling(
            leading + body + (suffixed ? "/" + suffix : "") + trailing,
            argument,
            VirtualServerKey.ForGroup(name, suffixed ? protocol : argument));

    /// <summary>Ways to write one address: its usual form; for IPv6 every group written out, in any case; in brackets; IPv4 as IPv4-mapped IPv6.</summary>
    private static Gen<string> AddressSpellings(IPAddress address, bool bracketed)
    {
        var forms = new List<Gen<string>> { Gen.Constant(address.ToString()) };
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            var scope = address.ScopeId == 0 ? "" : $"%{address.ScopeId}";
            var full = string.Join(':', Enumerable.Range(0, 8).Select(i => $"{bytes[2 * i]:x2}{bytes[(2 * i) + 1]:x2}")) + scope;
            var unpadded = string.Join(':', Enumerable.Range(0, 8).Select(i => $"{(bytes[2 * i] << 8) | bytes[(2 * i) + 1]:x}")) + scope;
            forms.Add(AnyCase(full));
            forms.Add(AnyCase(unpadded));
        }
        else
        {
            forms.Add(Gen.Constant("::ffff:" + address));
            forms.Add(Gen.Constant("::FFFF:" + address));
        }

        var spelled = Gen.OneOf(forms);
        return bracketed ? Gen.OneOf(spelled, spelled.Select(s => $"[{s}]")) : spelled;
    }

    private static Gen<string> Spaces(int min) =>
        Gen.Choose(min, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements(' ', '\t'), n)).Select(c => new string(c));

    private static Gen<string> AnyCase(string text) =>
        Gen.ArrayOf(Gen.Elements(true, false), text.Length)
            .Select(upper => new string(text.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c).ToArray()));
}
