using System.Net;

namespace Vigil.Host.Options;

/// <summary>Checks host.json at start-up and reports every problem at once.</summary>
internal static class HostOptionsValidator
{
    public static IReadOnlyList<string> Validate(HostOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Instance) || options.Instance.IndexOfAny(['/', '\0', ' ']) >= 0)
        {
            errors.Add($"Instance '{options.Instance}' must be a non-empty name without '/', spaces or NUL");
        }

        if (options.Metrics.Enabled)
        {
            if (options.Metrics.Port is < 1 or > 65535)
            {
                errors.Add($"Metrics:Port {options.Metrics.Port} out of range 1-65535");
            }

            if (options.Metrics.Host != "*" && options.Metrics.Host != "localhost" && !IPAddress.TryParse(options.Metrics.Host, out _))
            {
                errors.Add($"Metrics:Host '{options.Metrics.Host}' is not an IP address, 'localhost' or '*'");
            }
        }

        foreach (var (name, module) in options.Modules)
        {
            if (module.Folder is { } folder && (folder.Contains('/') || folder is "." or ".."))
            {
                errors.Add($"Modules:{name}:Folder '{folder}' must be a folder name, not a path");
            }
        }

        if (!SyslogFacilities.TryParse(options.Syslog.Facility, out _))
        {
            errors.Add($"Syslog:Facility '{options.Syslog.Facility}' is not a syslog facility (daemon, local0-local7, user, ...)");
        }

        return errors;
    }
}
