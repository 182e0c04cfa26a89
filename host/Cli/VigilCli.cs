using System.CommandLine;

namespace Vigil.Host.Cli;

/// <summary>The <c>vigil</c> command line: subcommands, and keepalived's flags on the root for drop-in use.</summary>
internal static class VigilCli
{
    public static RootCommand Build()
    {
        var common = new CommonOptions();
        var run = new RunCommand();
        var configTest = new Option<string?>("--config-test", "-t")
        {
            Description = "keepalived compatibility: check the configuration (-t [FILE] or -t -f FILE) and exit",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var root = new RootCommand("Vigil: keepalived-compatible high availability (VRRP, virtual servers, checks, notifications) and network-boot provisioning");
        foreach (var option in common.All.Concat(run.All))
        {
            root.Options.Add(option);
        }

        root.Options.Add(configTest);
        root.Options.Add(OpCommand.Json);

        // Words that are no built-in command are a module's declared command (vigil rs drain VS RS).
        var declared = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        root.Arguments.Add(declared);

        // A declared command's options (vigil rs drain VS RS --wait --timeout=5m) are the operation's, not the root's.
        root.TreatUnmatchedTokensAsErrors = false;
        root.Subcommands.Add(run.Build(common));
        root.Subcommands.Add(CheckConfigCommand.Build(common));
        root.Subcommands.Add(StatusCommand.Build(common));
        root.Subcommands.Add(OpCommand.Build(common));
        root.SetAction(async (result, ct) =>
        {
            if (result.GetResult(configTest) is not null)
            {
                var file = result.GetValue(configTest);
                var reparsed = file is null ? result : root.Parse([.. result.Tokens.Select(t => t.Value).Where(v => v != file), "-f", file]);
                return CheckConfigCommand.Run(reparsed, common, Console.Out, Console.Error);
            }

            if (result.GetValue(declared) is { Length: > 0 } words)
            {
                return await OpCommand.RunDeclaredAsync(result, common, [.. words, .. result.UnmatchedTokens]).ConfigureAwait(false);
            }

            if (result.UnmatchedTokens.Count > 0)
            {
                Console.Error.WriteLine($"vigil: unknown option '{result.UnmatchedTokens[0]}'; 'vigil --help' lists the options");
                return OperationClient.Usage;
            }

            if (result.Tokens.Count == 0)
            {
                root.Parse("--help").Invoke();
                return 0;
            }

            return await run.RunAsync(result, common, ct).ConfigureAwait(false);
        });
        return root;
    }
}
