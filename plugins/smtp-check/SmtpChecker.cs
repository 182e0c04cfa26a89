using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>
/// keepalived's SMTP_CHECK: the server greets with 220 and answers <c>HELO helo_name</c> with 250, then is sent QUIT.
/// It takes every standard keyword (<c>connect_ip</c>, <c>connect_port</c>, <c>connect_timeout</c>, <c>retry</c>,
/// <c>delay_before_retry</c>, <c>warmup</c>, …) with keepalived's defaults, <c>helo_name</c>, and the deprecated
/// <c>host { }</c> blocks.
/// </summary>
public sealed class SmtpChecker : IHealthChecker
{
    /// <summary>keepalived's HELO name when <c>helo_name</c> is not written (SMTP_DEFAULT_HELO in check_smtp.h).</summary>
    public const string DefaultHeloName = "smtpchecker.keepalived.org";

    /// <inheritdoc />
    public string Name => "SMTP_CHECK";

    /// <inheritdoc />
    /// <remarks>
    /// keepalived's defaults: retry 1, delay_before_retry 1 s, and the real server's port, as keepalived has probed
    /// since 1.2.17 (before, port 25 always); 25 only for a real server written without a port.
    /// </remarks>
    public CheckerSchema Schema { get; } = new(["helo_name", "host"]);

    /// <inheritdoc />
    public void Validate(ConfigBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.String("helo_name") is { } helo && !IsHeloName(helo))
        {
            block.Error("helo_name", $"helo_name '{helo}' in {block.Context} is not one host name (printable ASCII without spaces)");
        }

        SmtpTargets.Read(block, null);
    }

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(settings);

        // Create reads a block that validation has passed, so this report is never shown.
        var reader = new ConfigBlock(block, Name, new ValidationReport(Unlocated.Instance));
        return new SmtpCheck(SmtpTargets.Read(reader, settings), block["helo_name"] ?? DefaultHeloName);
    }

    // The name goes on the wire after HELO: a space, CR or LF in it would be a second argument or a second command.
    private static bool IsHeloName(string name) => name.Length is > 0 and <= 255 && name.All(c => c is > ' ' and < (char)0x7f);

    private sealed class Unlocated : IConfigLocator
    {
        public static readonly Unlocated Instance = new();

        public SourceLocation? Locate(string path) => null;
    }
}
