using Microsoft.Extensions.Configuration;

namespace Vigil.Host.Options;

/// <summary>
/// Layers the host configuration: built-in defaults (every shipped module enabled), then host.json,
/// then <c>VIGIL_</c> environment variables, then command-line settings — later layers win.
/// </summary>
internal static class HostConfigurationFactory
{
    public const string EnvironmentPrefix = "VIGIL_";
    public const string DefaultHostFile = "/etc/vigil/host.json";

    /// <summary>Builds the configuration; <paramref name="hostFile"/> null means <see cref="DefaultHostFile"/> if it exists.</summary>
    public static IConfigurationRoot Build(string? hostFile, IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var builder = new ConfigurationBuilder();
        using (var defaults = typeof(HostConfigurationFactory).Assembly.GetManifestResourceStream("Vigil.Host.defaults.json")
            ?? throw new InvalidOperationException("built-in host defaults are missing from the assembly"))
        {
            var copy = new MemoryStream();
            defaults.CopyTo(copy);
            copy.Position = 0;
            builder.AddJsonStream(copy);
        }

        var file = hostFile ?? Environment.GetEnvironmentVariable(EnvironmentPrefix + "HOST_CONFIG");
        if (file is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }
        else if (File.Exists(DefaultHostFile))
        {
            builder.AddJsonFile(DefaultHostFile, optional: true, reloadOnChange: false);
        }

        // The same key given twice (--set A=1 --set A=2, or --set Instance=x with --instance y) takes the last value,
        // as a command line does; the in-memory provider itself would throw on the repeat.
        var lastWins = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            lastWins[key] = value;
        }

        return builder
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(lastWins)
            .Build();
    }

    /// <summary>Binds <see cref="HostOptions"/>. Unknown keys are tolerated: a module's entry carries the module's own settings.</summary>
    public static HostOptions Bind(IConfiguration configuration)
    {
        var options = new HostOptions();
        configuration.Bind(options);
        return options;
    }
}
