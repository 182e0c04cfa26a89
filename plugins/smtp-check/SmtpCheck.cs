using System.Net.Sockets;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>
/// One SMTP_CHECK probe: every target must greet with 220 and accept HELO with 250. Each connection and then each
/// reply gets <c>connect_timeout</c>, as in keepalived; the targets of <c>host</c> blocks are talked to at once and the
/// first failing one, in file order, is the result.
/// </summary>
/// <remarks>
/// keepalived 2.2 turns each <c>host</c> block into a checker of its own; the real server is up only while all of them
/// pass, which is what one probe over all the targets gives, except that the block's retries count for all of them together.
/// </remarks>
internal sealed class SmtpCheck(IReadOnlyList<SmtpTarget> targets, string heloName) : IHealthCheck
{
    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(targets.Select(t => ProbeAsync(t, cancellationToken))).ConfigureAwait(false);
        return results.FirstOrDefault(r => !r.Healthy) ?? (results.Length == 1 ? results[0] : CheckResult.Pass($"{results.Length} SMTP servers greeted, HELO {heloName} accepted"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<CheckResult> ProbeAsync(SmtpTarget target, CancellationToken cancellationToken)
    {
        var (socket, failure) = await SmtpConnector.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            return failure!;
        }

        using (socket)
        {
            var dialogue = new SmtpDialogue(heloName);
            try
            {
                return await TalkAsync(socket, target, dialogue, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return CheckResult.Fail(CheckFailureKind.Timeout, $"SMTP {target.Connect}: timed out after {SmtpConnector.Seconds(target.Timeout)} s waiting for {dialogue.Awaiting}");
            }
            catch (SocketException e)
            {
                return CheckResult.Fail(SmtpConnector.Kind(e.SocketErrorCode), $"SMTP {target.Connect} waiting for {dialogue.Awaiting}: {e.Message}");
            }
        }
    }

    private static async Task<CheckResult> TalkAsync(Socket socket, SmtpTarget target, SmtpDialogue dialogue, CancellationToken cancellationToken)
    {
        var parser = new SmtpReplyParser();
        var replies = new Queue<SmtpReply>();
        var buffer = new byte[SmtpReplyParser.MaxLineLength];
        using var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        step.CancelAfter(target.Timeout);
        while (true)
        {
            if (!replies.TryDequeue(out var reply))
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, step.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return CheckResult.Fail(CheckFailureKind.BadResponse, $"SMTP {target.Connect} closed the connection before {dialogue.Awaiting}");
                }

                var received = new List<SmtpReply>();
                if (!parser.Push(buffer.AsSpan(0, read), received))
                {
                    return CheckResult.Fail(CheckFailureKind.BadResponse, $"SMTP {target.Connect} sent {parser.Error} instead of {dialogue.Awaiting}");
                }

                received.ForEach(replies.Enqueue);
                continue;
            }

            var next = dialogue.Receive(reply);
            if (next.Ended)
            {
                return next.Passed
                    ? CheckResult.Pass($"SMTP {target.Connect}: {next.Detail}")
                    : CheckResult.Fail(CheckFailureKind.BadResponse, $"SMTP {target.Connect}: {next.Detail}");
            }

            await socket.SendAsync(next.Send, SocketFlags.None, step.Token).ConfigureAwait(false);
            step.CancelAfter(target.Timeout);
        }
    }
}
