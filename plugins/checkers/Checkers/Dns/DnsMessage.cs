namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>A parsed DNS message: its header, questions and answers (authority and additional sections are not read).</summary>
/// <param name="Id">The transaction id.</param>
/// <param name="Flags">The flags word.</param>
/// <param name="Questions">The question section.</param>
/// <param name="Answers">The answer section.</param>
internal sealed record DnsMessage(ushort Id, ushort Flags, IReadOnlyList<DnsRecord> Questions, IReadOnlyList<DnsRecord> Answers)
{
    /// <summary>QR: a response.</summary>
    public bool IsResponse => (Flags & 0x8000) != 0;

    /// <summary>TC: truncated.</summary>
    public bool IsTruncated => (Flags & 0x0200) != 0;

    /// <summary>The response code (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED, …).</summary>
    public int ResponseCode => Flags & 0x000f;
}
