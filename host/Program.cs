using System.CommandLine;
using Vigil.Host.Cli;

// A plugin's offline tool (vigil genhash …) takes its words as they are, before the host's own options could claim them.
if (await ToolCommand.TryRunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false) is { } exit)
{
    return exit;
}

// The daemon owns SIGTERM/SIGINT itself (stop modules in reverse, then exit 0), so System.CommandLine must not.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await VigilCli.Build().Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
