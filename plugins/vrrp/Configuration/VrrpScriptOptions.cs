namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>A <c>vrrp_script</c> block.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Script">The command line.</param>
/// <param name="Interval">Seconds between runs. Defaults to 1.</param>
/// <param name="Timeout">Seconds before a run counts as failed. Defaults to the interval.</param>
/// <param name="Weight">Priority change; 0 (the default) means failure is FAULT.</param>
/// <param name="Reverse">weight ... reverse.</param>
/// <param name="Rise">Successes needed to go up. Defaults to 1.</param>
/// <param name="Fall">Failures needed to go down. Defaults to 1.</param>
/// <param name="User">user [group], or null.</param>
/// <param name="InitFail">init_fail: start as failed.</param>
internal sealed record VrrpScriptOptions(
    string Name,
    string Script,
    decimal Interval = 1,
    decimal? Timeout = null,
    int Weight = 0,
    bool Reverse = false,
    int Rise = 1,
    int Fall = 1,
    string? User = null,
    bool InitFail = false);
