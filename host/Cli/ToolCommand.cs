using System.CommandLine;
using Autofac;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Tools;
using Vigil.Host.Plugins;
using Vigil.Host.Runtime;

namespace Vigil.Host.Cli;

/// <summary>
/// <c>vigil [host options] NAME ARGS…</c> for a plugin's <see cref="ICommandLineTool"/>: before the command line is
/// parsed (the tool's options are its own, whatever letters they use), the enabled plugins are loaded as
/// <c>check-config</c> loads them and the first word that is no built-in command is looked up among their tools.
/// Anything else goes on to the ordinary command line unchanged.
/// </summary>
internal static class ToolCommand
{
    private static readonly HashSet<string> BuiltIn = new(["run", "check-config", "status", "op"], StringComparer.Ordinal);

    // Host options that may come before a tool's name, each taking a value.
    private static readonly HashSet<string> HostOptions = new(["--host-config", "--plugins-dir", "--set", "--instance", "--admin-socket", "--use-file", "-f", "--pid", "-p"], StringComparer.Ordinal);

    /// <summary>Runs the tool <paramref name="args"/> name and returns its exit code, or null when they name none.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var at = ToolWord(args);
        if (at < 0)
        {
            return null;
        }

        var common = new CommonOptions();
        var root = new RootCommand();
        foreach (var option in common.All)
        {
            root.Options.Add(option);
        }

        var parsed = root.Parse(args[..at]);
        var bootstrap = parsed.Errors.Count == 0 ? HostBootstrap.Create(parsed, common, TextWriter.Null) : null;
        if (bootstrap is null)
        {
            return null;
        }

        IContainer container;
        try
        {
            container = HostServices.Build(bootstrap.Options, bootstrap.Configuration, NullLoggerFactory.Instance, TimeProvider.System, Loadable(bootstrap.Options));
        }
        catch (ModuleLoadException)
        {
            // The ordinary command line reports a module that cannot register, if the word needed one.
            return null;
        }

        using (container)
        {
            var tool = container.Resolve<IEnumerable<ICommandLineTool>>().FirstOrDefault(t => string.Equals(t.Name, args[at], StringComparison.Ordinal));
            return tool is null ? null : await tool.RunAsync(args[(at + 1)..], output, error, cancellationToken).ConfigureAwait(false);
        }
    }

    // Fails soft per plugin: a tool of one plugin runs even when another cannot load.
    private static List<LoadedModule> Loadable(Options.HostOptions options)
    {
        var directory = ModuleCatalog.ResolveDirectory(options);
        var loaded = new List<LoadedModule>();
        foreach (var (name, module) in ModuleCatalog.Enabled(options, null))
        {
            try
            {
                loaded.AddRange(ModuleCatalog.LoadEnabled(options, directory, new HashSet<string>([name], StringComparer.Ordinal)));
            }
            catch (ModuleLoadException)
            {
                // Not this plugin's tool, then; the ordinary command line says what is wrong with it if it is needed.
            }
        }

        return loaded;
    }

    /// <summary>The index of the word that may name a tool: the first after host options with values; -1 when there is none or it is a built-in command.</summary>
    public static int ToolWord(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith('-'))
            {
                return BuiltIn.Contains(word) ? -1 : i;
            }

            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (!HostOptions.Contains(eq < 0 ? word : word[..eq]))
            {
                return -1;
            }

            if (eq < 0)
            {
                i++;
            }
        }

        return -1;
    }
}
