namespace Vigil.Abstractions.Operations;

/// <summary>The type of an operation's argument; the host parses and checks it before the operation runs.</summary>
public enum OperationParameterType
{
    /// <summary>Any text.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A keepalived boolean (yes/no, true/false, on/off, 1/0).</summary>
    Boolean,

    /// <summary>A duration: seconds (<c>30</c>, <c>0.5</c>) or with a unit (<c>500ms</c>, <c>2m</c>).</summary>
    Duration,

    /// <summary>An IPv4 or IPv6 address.</summary>
    Address,

    /// <summary>A virtual server key (<c>10.1.0.93:80/tcp</c>, <c>10.1.0.93 80</c>, <c>fwmark:7</c>, <c>group:web</c>).</summary>
    VirtualServer,

    /// <summary>A real server key (<c>10.1.0.69:80</c>, <c>[2001:db8::1]:80</c>).</summary>
    RealServer,
}
