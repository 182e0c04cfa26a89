using System.Diagnostics.CodeAnalysis;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Operations;

/// <summary>
/// Turns the text arguments of a request into <see cref="OperationArguments"/> by the descriptor's declared types, so
/// every operation gets the same checks and the same usage messages.
/// </summary>
public static class OperationArgumentParser
{
    /// <summary>Parses <paramref name="raw"/>; false with a usage message naming the argument when one is unknown, missing or malformed.</summary>
    public static bool TryParse(
        OperationDescriptor descriptor,
        IReadOnlyDictionary<string, string> raw,
        [NotNullWhen(true)] out OperationArguments? arguments,
        out string error)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(raw);
        arguments = null;
        var parameters = descriptor.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var unknown = raw.Keys.FirstOrDefault(k => !parameters.ContainsKey(k));
        if (unknown is not null)
        {
            error = $"{descriptor.Name}: unknown argument '{unknown}' (takes {Names(descriptor)})";
            return false;
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in descriptor.Parameters)
        {
            if (!raw.TryGetValue(parameter.Name, out var text))
            {
                if (parameter.Required)
                {
                    error = $"{descriptor.Name}: missing argument '{parameter.Name}' ({parameter.Description})";
                    return false;
                }

                continue;
            }

            if (!TryConvert(parameter.Type, text, out var value, out var why))
            {
                error = $"{descriptor.Name}: {parameter.Name} '{text}': {why}";
                return false;
            }

            values[parameter.Name] = value;
        }

        arguments = new OperationArguments(values);
        error = "";
        return true;
    }

    private static string Names(OperationDescriptor descriptor) =>
        descriptor.Parameters.Count == 0 ? "no arguments" : string.Join(", ", descriptor.Parameters.Select(p => p.Name));

    private static bool TryConvert(OperationParameterType type, string text, [NotNullWhen(true)] out object? value, out string why)
    {
        why = "";
        value = null;
        switch (type)
        {
            case OperationParameterType.String:
                value = text;
                return true;
            case OperationParameterType.Integer when ConfigValueParser.TryParseInteger(text, out var number):
                value = number;
                return true;
            case OperationParameterType.Integer:
                why = "not a whole number";
                return false;
            case OperationParameterType.Boolean when ConfigValueParser.TryParseFlag(text, out var flag):
                value = flag;
                return true;
            case OperationParameterType.Boolean:
                why = "expected yes or no";
                return false;
            case OperationParameterType.Duration when ConfigValueParser.TryParseDuration(text, out var duration):
                value = duration;
                return true;
            case OperationParameterType.Duration:
                why = "not a duration (30, 0.5, 500ms, 2m, 1h)";
                return false;
            case OperationParameterType.Address when ConfigValueParser.TryParseAddress(text, out var address):
                value = address;
                return true;
            case OperationParameterType.Address:
                why = "not an IP address";
                return false;
            case OperationParameterType.VirtualServer when VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var vs, out why):
                value = vs;
                return true;
            case OperationParameterType.RealServer when RealServerKey.TryParse(text, 0, out var rs, out why):
                value = rs;
                return true;
            default:
                return false;
        }
    }
}
