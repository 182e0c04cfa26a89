using System.Text;

namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>
/// A query name as DNS_CHECK's <c>name</c> writes it: dotted labels, an optional final dot, <c>.</c> for the root
/// (keepalived's default). Pure.
/// </summary>
internal static class DnsName
{
    /// <summary>The longest name on the wire (RFC 1035).</summary>
    public const int MaxWireLength = 255;

    /// <summary>The longest label.</summary>
    public const int MaxLabel = 63;

    /// <summary>Why <paramref name="name"/> cannot be queried, or null.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name == ".")
        {
            return null;
        }

        var labels = Labels(name);
        if (labels.Any(l => l.Length == 0))
        {
            return "has an empty label";
        }

        if (labels.FirstOrDefault(l => Encoding.ASCII.GetByteCount(l) > MaxLabel || l.Any(c => c > 127)) is { } bad)
        {
            return bad.Any(c => c > 127) ? $"has a label that is not ASCII ('{bad}')" : $"has a label longer than {MaxLabel} characters";
        }

        return WireLength(labels) > MaxWireLength ? $"is longer than {MaxWireLength} bytes on the wire" : null;
    }

    /// <summary>The wire form of a name <see cref="Problem"/> accepts: length-prefixed labels ending with the root's zero.</summary>
    public static byte[] Encode(string name)
    {
        if (Problem(name) is { } problem)
        {
            throw new ArgumentException($"DNS name '{name}' {problem}", nameof(name));
        }

        var labels = name == "." ? [] : Labels(name);
        var wire = new byte[WireLength(labels)];
        var at = 0;
        foreach (var label in labels)
        {
            wire[at++] = (byte)label.Length;
            at += Encoding.ASCII.GetBytes(label, wire.AsSpan(at));
        }

        wire[at] = 0;
        return wire;
    }

    /// <summary>Two names alike as DNS compares them: ASCII case and a final dot do not count.</summary>
    public static bool Same(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static string[] Labels(string name) => (name.EndsWith('.') ? name[..^1] : name).Split('.');

    private static int WireLength(string[] labels) => labels.Sum(l => l.Length + 1) + 1;
}
