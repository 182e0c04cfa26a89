using System.Net;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Operations;

/// <summary>An operation's arguments, parsed to their declared types by the host. Optional ones not given are absent.</summary>
public sealed class OperationArguments
{
    private readonly IReadOnlyDictionary<string, object> _values;

    /// <summary>Wraps parsed values by parameter name (the host builds it; tests may too).</summary>
    public OperationArguments(IReadOnlyDictionary<string, object> values) => _values = values;

    /// <summary>True when <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>A <see cref="OperationParameterType.String"/> argument, or null.</summary>
    public string? String(string name) => Get<string>(name);

    /// <summary>An <see cref="OperationParameterType.Integer"/> argument, or null.</summary>
    public long? Integer(string name) => _values.TryGetValue(name, out var v) ? (long)v : null;

    /// <summary>A <see cref="OperationParameterType.Boolean"/> argument, or null.</summary>
    public bool? Boolean(string name) => _values.TryGetValue(name, out var v) ? (bool)v : null;

    /// <summary>A <see cref="OperationParameterType.Duration"/> argument, or null.</summary>
    public TimeSpan? Duration(string name) => _values.TryGetValue(name, out var v) ? (TimeSpan)v : null;

    /// <summary>An <see cref="OperationParameterType.Address"/> argument, or null.</summary>
    public IPAddress? Address(string name) => Get<IPAddress>(name);

    /// <summary>A <see cref="OperationParameterType.VirtualServer"/> argument, or null.</summary>
    public VirtualServerKey? VirtualServer(string name) => Get<VirtualServerKey>(name);

    /// <summary>A <see cref="OperationParameterType.RealServer"/> argument, or null.</summary>
    public RealServerKey? RealServer(string name) => Get<RealServerKey>(name);

    private T? Get<T>(string name)
        where T : class => _values.TryGetValue(name, out var v) ? (T)v : null;
}
