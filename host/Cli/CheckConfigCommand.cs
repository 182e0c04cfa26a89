using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Configuration;
using Vigil.Host.Plugins;
using Vigil.Host.Runtime;

namespace Vigil.Host.Cli;

/// <summary>
/// <c>vigil check-config -f FILE</c> (and keepalived's <c>vigil -t -f FILE</c>): validates without starting anything.
/// Prints one line per problem, <c>file:line: error|warning: message</c>; exits 1 when any is an error.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Build(CommonOptions common)
    {
        var command = new Command("check-config", "Validate the cluster configuration and exit (0 valid, 1 invalid)");
        command.SetAction(result => Run(result, common, Console.Out, Console.Error));
        return command;
    }

    public static int Run(ParseResult result, CommonOptions common, TextWriter output, TextWriter error)
    {
        var bootstrap = HostBootstrap.Create(result, common, error);
        if (bootstrap is null)
        {
            return 1;
        }

        var options = bootstrap.Options;
        IReadOnlyList<LoadedModule> modules;
        Autofac.IContainer container;
        try
        {
            modules = ModuleCatalog.LoadEnabled(options, ModuleCatalog.ResolveDirectory(options));
            container = HostServices.Build(options, bootstrap.Configuration, NullLoggerFactory.Instance, TimeProvider.System, modules);
        }
        catch (ModuleLoadException e)
        {
            error.WriteLine($"vigil: {e.Message}");
            return 1;
        }

        using (container)
        {
            var conflicts = ContributionConflicts.Find(modules, container);
            if (conflicts.Count > 0)
            {
                error.WriteLine($"vigil: {string.Join("; ", conflicts)}");
                return 1;
            }

            var (configuration, issues) = ClusterConfigCheck.Run(options.Cluster.ConfigFile, modules.Select(m => m.Module).ToList(), container);
            foreach (var issue in issues)
            {
                output.WriteLine(issue.ToString());
            }

            var errors = issues.Count(i => i.Severity == ConfigSeverity.Error);
            var warnings = issues.Count - errors;
            error.WriteLine(configuration is null
                ? $"vigil: {options.Cluster.ConfigFile}: {errors} error(s), {warnings} warning(s)"
                : $"vigil: {options.Cluster.ConfigFile}: valid ({warnings} warning(s))");
            return configuration is null ? 1 : 0;
        }
    }
}
