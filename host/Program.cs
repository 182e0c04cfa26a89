using System.CommandLine;
using Vigil.Host.Cli;

// The daemon owns SIGTERM/SIGINT itself (stop modules in reverse, then exit 0), so System.CommandLine must not.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await VigilCli.Build().Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
