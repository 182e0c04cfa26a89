using System.CommandLine;

namespace Vigil.Host.Cli;

/// <summary>Options every command accepts; the short ones are keepalived's, so existing systemd units keep working.</summary>
internal sealed class CommonOptions
{
    public Option<string?> ConfigFile { get; } = new("--use-file", "-f") { Description = "Cluster configuration file (keepalived.conf syntax, or .json)", Recursive = true };

    public Option<string?> HostConfig { get; } = new("--host-config") { Description = "host.json to use (default /etc/vigil/host.json when it exists)", Recursive = true };

    public Option<string?> Instance { get; } = new("--instance") { Description = "Instance name; admin socket, pid file and state paths derive from it", Recursive = true };

    public Option<string?> AdminSocket { get; } = new("--admin-socket") { Description = "Admin socket path (default /run/vigil/<instance>.sock)", Recursive = true };

    public Option<string?> PluginsDirectory { get; } = new("--plugins-dir") { Description = "Plugins directory", Recursive = true };

    public Option<string?> PidFile { get; } = new("--pid", "-p") { Description = "Pid file (default /run/vigil/<instance>.pid)", Recursive = true };

    public Option<string[]> Set { get; } = new("--set") { Description = "Override a host.json setting: --set Metrics:Port=9651", Recursive = true, AllowMultipleArgumentsPerToken = false };

    public IEnumerable<Option> All => [ConfigFile, HostConfig, Instance, AdminSocket, PluginsDirectory, PidFile, Set];

    /// <summary>The command-line layer of the host configuration.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult result)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        foreach (var setting in result.GetValue(Set) ?? [])
        {
            var eq = setting.IndexOf('=');
            if (eq <= 0)
            {
                throw new ArgumentException($"--set {setting}: expected KEY=VALUE");
            }

            Add(setting[..eq], setting[(eq + 1)..]);
        }

        Add("Cluster:ConfigFile", result.GetValue(ConfigFile));
        Add("Instance", result.GetValue(Instance));
        Add("Admin:Socket", result.GetValue(AdminSocket));
        Add("Plugins:Directory", result.GetValue(PluginsDirectory));
        Add("PidFile", result.GetValue(PidFile));
        return pairs;
    }
}
