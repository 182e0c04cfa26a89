using Vigil.Abstractions.Operations;

namespace Vigil.Host.Cli;

/// <summary>
/// Turns command-line words into an operation's arguments: <c>key=value</c> and <c>--key=value</c> words by name
/// (<c>--flag</c> alone for a yes/no argument), other words positionally
/// into the parameters not named, in the order the operation declares them.
/// </summary>
internal static class OperationCall
{
    /// <summary>The arguments by name, or a usage message.</summary>
    public static (IReadOnlyDictionary<string, string>? Arguments, string? Usage) Parse(OperationDescriptor descriptor, IReadOnlyList<string> words)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        foreach (var given in words)
        {
            var word = given;
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                var option = word[2..];
                var parameter = descriptor.Parameters.FirstOrDefault(p => p.Name == option.Split('=')[0]);
                if (parameter is null)
                {
                    return (null, $"{descriptor.Name}: unknown option '{word}' ({Usage(descriptor)})");
                }

                // --wait alone switches a yes/no argument on; any other argument is --name=value.
                word = option.Contains('=', StringComparison.Ordinal) ? option
                    : parameter.Type == OperationParameterType.Boolean ? $"{option}=yes"
                    : option;
                if (!word.Contains('=', StringComparison.Ordinal))
                {
                    return (null, $"{descriptor.Name}: '{given}' needs a value: {given}=VALUE");
                }
            }

            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && descriptor.Parameters.Any(p => p.Name == word[..eq]))
            {
                if (!named.TryAdd(word[..eq], word[(eq + 1)..]))
                {
                    return (null, $"{descriptor.Name}: '{word[..eq]}' given twice");
                }
            }
            else
            {
                positional.Add(word);
            }
        }

        var open = descriptor.Parameters.Where(p => !named.ContainsKey(p.Name)).ToList();
        if (positional.Count > open.Count)
        {
            return (null, $"{descriptor.Name}: too many arguments ({Usage(descriptor)})");
        }

        for (var i = 0; i < positional.Count; i++)
        {
            named[open[i].Name] = positional[i];
        }

        return (named, null);
    }

    /// <summary><c>rs.drain VS RS [timeout]</c>: the operation and its parameters, optional ones in brackets.</summary>
    public static string Usage(OperationDescriptor descriptor) =>
        string.Join(' ', descriptor.Parameters.Select(p => p.Required ? p.Name : $"[{p.Name}]").Prepend(descriptor.Command is { Count: > 0 } c ? string.Join(' ', c) : descriptor.Name));
}
