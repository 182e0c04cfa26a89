using Vigil.Abstractions.Notifications;
using Vigil.Abstractions.Processes;
using Vigil.Plugins.Notify.Configuration;
using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Security;

namespace Vigil.Plugins.Notify.Channels;

/// <summary>
/// Runs a notify script through the host's <see cref="IScriptRunner"/>: the configured line as keepalived parses
/// it, the rendered arguments appended as separate argv entries (never through a shell's parser), as
/// script_user, killed with its process group after script_timeout.
/// </summary>
internal sealed class ScriptChannel(IScriptRunner runner, NotifySettingsHolder settings) : INotificationChannel
{
    public string Name => ChannelNames.Script;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var current = settings.Current;
        var command = ScriptCommand.Parse(notification.Target);
        if (current.Global.ScriptSecurity)
        {
            var program = ScriptSecurity.ResolveProgram(command.FileName)
                ?? throw new NotificationDeliveryException($"no such file: {command.FileName}");
            if (ScriptSecurity.Check(program) is { } problem)
            {
                throw new NotificationDeliveryException($"refused to run {command.Line}: {problem} (enable_script_security)");
            }
        }

        var options = new ScriptRunOptions(current.Options.ScriptTimeout, current.Global.ScriptUser);
        var result = await runner.RunAsync(command, notification.Arguments, options, cancellationToken).ConfigureAwait(false);
        if (result.Error is not null)
        {
            throw new NotificationDeliveryException(result.Error);
        }

        if (result.TimedOut)
        {
            throw new NotificationDeliveryException(
                $"timed out after {current.Options.ScriptTimeout.TotalSeconds:0.###} s; its process group was killed");
        }

        if (result.ExitCode != 0)
        {
            var output = result.Output.Trim();
            throw new NotificationDeliveryException(
                output.Length == 0 ? $"exited with code {result.ExitCode}" : $"exited with code {result.ExitCode}: {Shorten(output)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text.ReplaceLineEndings(" ") : text[..200].ReplaceLineEndings(" ") + "…";
}
