namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>A question or resource record of a parsed message (for a question, <see cref="Ttl"/> and <see cref="DataLength"/> are 0).</summary>
/// <param name="Name">The owner name, dotted, without the final dot (<c>""</c> for the root).</param>
/// <param name="Type">The type code.</param>
/// <param name="Class">The class code.</param>
/// <param name="Ttl">Time to live.</param>
/// <param name="DataLength">RDATA bytes.</param>
internal sealed record DnsRecord(string Name, ushort Type, ushort Class, uint Ttl = 0, int DataLength = 0);
