using System.CommandLine;
using Vigil.Demo;

// The demo cleans its lab up on SIGINT/SIGTERM before it exits (DemoRunner), so System.CommandLine must not handle them.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await DemoCommand.Build().Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
