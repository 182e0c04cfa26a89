using Vigil.Abstractions.Processes;
using Vigil.Plugins.Notify.Configuration;

namespace Vigil.Plugins.Notify;

/// <summary>The notify_fifo_script readers: started with the fifo's path as their argument, killed on stop and reload.</summary>
internal sealed partial class NotifyService
{
    private void RestartFifoScripts(NotifySettings settings)
    {
        var previous = Interlocked.Exchange(ref _fifoScripts, new CancellationTokenSource());
        previous?.Cancel();
        previous?.Dispose();
        var token = _fifoScripts!.Token;
        foreach (var fifo in settings.Fifos.Where(f => f.Script is not null))
        {
            _ = RunFifoScriptAsync(fifo, settings.Global.ScriptUser, token);
        }
    }

    private async Task RunFifoScriptAsync(FifoScript fifo, string? user, CancellationToken token)
    {
        try
        {
            // The reader opens the fifo for reading; it must exist first, as keepalived creates it.
            Channels.FifoHandle.Open(fifo.Path).Dispose();
            var result = await _runner.RunAsync(
                ScriptCommand.Parse(fifo.Script!),
                [fifo.Path],
                new ScriptRunOptions(Timeout.InfiniteTimeSpan, user),
                token).ConfigureAwait(false);
            LogFifoScriptEnded(fifo.Script!, result.ExitCode, result.Error ?? "");
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped or reloaded: the runner killed its process group.
        }
        catch (Exception e) when (e is FormatException or Delivery.NotificationDeliveryException)
        {
            LogFifoScriptEnded(fifo.Script!, null, e.Message);
        }
    }

    private Task StopFifoScriptsAsync()
    {
        var previous = Interlocked.Exchange(ref _fifoScripts, null);
        previous?.Cancel();
        previous?.Dispose();
        return Task.CompletedTask;
    }
}
