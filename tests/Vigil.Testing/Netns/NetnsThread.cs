using System.Runtime.InteropServices;

namespace Vigil.Testing.Netns;

/// <summary>
/// Runs .NET code inside a named network namespace: setns(2) changes only the calling thread, so the delegate runs
/// on a fresh dedicated thread that enters /var/run/netns/NAME first. Sockets opened there stay in that namespace
/// for their whole life and may then be used from any thread.
/// </summary>
public static class NetnsThread
{
    /// <summary>Runs <paramref name="action"/> inside <paramref name="ns"/> and returns its result.</summary>
    public static Task<T> RunAsync<T>(string ns, Func<T> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Enter(ns);
                done.SetResult(action());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = $"netns {ns}",
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Runs <paramref name="action"/> inside <paramref name="ns"/>.</summary>
    public static Task RunAsync(string ns, Action action) => RunAsync(ns, () =>
    {
        action();
        return true;
    });

    /// <summary>
    /// Moves the calling thread into <paramref name="ns"/> for good; only for threads the caller owns and discards.
    /// </summary>
    public static void Enter(string ns)
    {
        using var handle = File.OpenHandle($"/var/run/netns/{ns}", FileMode.Open, FileAccess.Read);
        if (NetnsNative.setns(handle.DangerousGetHandle(), NetnsNative.CLONE_NEWNET) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"setns({ns}) failed: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }
}
