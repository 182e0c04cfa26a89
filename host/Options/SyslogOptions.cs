namespace Vigil.Host.Options;

/// <summary>host.json <c>Syslog</c>.</summary>
internal sealed class SyslogOptions
{
    /// <summary>Whether logs also go to syslog through <c>/dev/log</c>. Defaults to false (under systemd the journal takes the console).</summary>
    public bool Enabled { get; set; }

    /// <summary>The syslog facility name. Defaults to <c>daemon</c>.</summary>
    public string Facility { get; set; } = "daemon";
}
