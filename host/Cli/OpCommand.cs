using System.CommandLine;

namespace Vigil.Host.Cli;

/// <summary>
/// <c>vigil op NAME [key=value | value]…</c> and <c>vigil op --list</c>: the operations modules declare, run on a running
/// instance; and the subcommands they declare (<c>vigil rs drain VS RS</c>), which reach <see cref="RunDeclaredAsync"/>
/// from the root command. Exit codes: 0 done, 1 refused, 2 usage.
/// </summary>
internal static class OpCommand
{
    public static Option<bool> Json { get; } = new("--json") { Description = "Print the answer as JSON" };

    public static Command Build(CommonOptions common)
    {
        var list = new Option<bool>("--list") { Description = "List the operations the running instance's modules declare" };
        var words = new Argument<string[]>("operation") { Arity = ArgumentArity.ZeroOrMore, Description = "The operation's name, then its arguments as key=value or in order" };
        var command = new Command("op", "Run an operation a module declares, on a running instance (0 done, 1 refused, 2 usage)") { list, Json, words };
        command.SetAction(async (result, _) =>
        {
            var client = Client(result, common);
            if (client is null)
            {
                return OperationClient.Usage;
            }

            if (result.GetValue(list))
            {
                return await client.PrintListAsync().ConfigureAwait(false);
            }

            var given = result.GetValue(words) ?? [];
            if (given.Length == 0)
            {
                Console.Error.WriteLine("vigil: op needs an operation name; 'vigil op --list' shows them");
                return OperationClient.Usage;
            }

            var operations = await client.ListAsync().ConfigureAwait(false);
            if (operations is null)
            {
                return OperationClient.Refused;
            }

            var match = operations.FirstOrDefault(o => o.Descriptor.Name == given[0]);
            if (match.Descriptor is null)
            {
                Console.Error.WriteLine($"vigil: unknown operation '{given[0]}'; 'vigil op --list' shows the known ones");
                return OperationClient.Usage;
            }

            return await client.RunAsync(match.Descriptor, given[1..]).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the declared subcommand that <paramref name="words"/> start with (the longest that matches).</summary>
    public static async Task<int> RunDeclaredAsync(ParseResult result, CommonOptions common, IReadOnlyList<string> words)
    {
        var client = Client(result, common);
        if (client is null)
        {
            return OperationClient.Usage;
        }

        var operations = await client.ListAsync(quiet: true).ConfigureAwait(false);
        if (operations is null)
        {
            Console.Error.WriteLine($"vigil: unknown command '{string.Join(' ', words)}' (modules declare further commands, but no running instance answers on {client.Socket}); 'vigil --help' lists the built-in ones");
            return OperationClient.Usage;
        }

        var match = operations
            .Where(o => o.Descriptor.Command is { Count: > 0 } c && c.Count <= words.Count && c.SequenceEqual(words.Take(c.Count), StringComparer.Ordinal))
            .OrderByDescending(o => o.Descriptor.Command!.Count)
            .FirstOrDefault();
        if (match.Descriptor is null)
        {
            var known = operations.Where(o => o.Descriptor.Command is { Count: > 0 }).Select(o => string.Join(' ', o.Descriptor.Command!)).Order();
            Console.Error.WriteLine($"vigil: unknown command '{string.Join(' ', words)}'; modules declare: {string.Join(", ", known.DefaultIfEmpty("none"))}");
            return OperationClient.Usage;
        }

        return await client.RunAsync(match.Descriptor, [.. words.Skip(match.Descriptor.Command!.Count)]).ConfigureAwait(false);
    }

    private static OperationClient? Client(ParseResult result, CommonOptions common)
    {
        var bootstrap = HostBootstrap.Create(result, common, Console.Error);
        return bootstrap is null ? null : new OperationClient(bootstrap.Options.ResolvedAdminSocket, result.GetValue(Json), Console.Out, Console.Error);
    }
}
