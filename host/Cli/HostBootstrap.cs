using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Vigil.Host.Options;

namespace Vigil.Host.Cli;

/// <summary>Builds and validates the host configuration from the command line; every problem is reported at once.</summary>
internal sealed record HostBootstrap(HostOptions Options, IConfigurationRoot Configuration)
{
    public static HostBootstrap? Create(ParseResult result, CommonOptions common, TextWriter error)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = HostConfigurationFactory.Build(result.GetValue(common.HostConfig), common.Overrides(result));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            error.WriteLine($"vigil: host configuration: {e.Message}");
            return null;
        }

        HostOptions options;
        try
        {
            options = HostConfigurationFactory.Bind(configuration);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"vigil: host configuration: {e.Message}{(e.InnerException is null ? "" : ": " + e.InnerException.Message)}");
            return null;
        }

        var problems = HostOptionsValidator.Validate(options);
        foreach (var problem in problems)
        {
            error.WriteLine($"vigil: host configuration: {problem}");
        }

        return problems.Count == 0 ? new HostBootstrap(options, configuration) : null;
    }
}
