using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>Polls a condition of a namespace lab until it holds, failing early when the daemon under test has exited.</summary>
internal static class Eventually
{
    /// <summary>
    /// Waits up to <paramref name="seconds"/> for <paramref name="condition"/>; throws naming <paramref name="what"/>
    /// (and what <paramref name="vigil"/> printed), or fails at once when <paramref name="vigil"/> exits.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, LabProcess? vigil = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            Assert.False(vigil?.HasExited ?? false, $"vigil exited: {vigil?.Stderr}{vigil?.Stdout}");
            await Task.Delay(200);
        }

        throw new TimeoutException($"not seen within {seconds} s: {what}; vigil said: {vigil?.Stderr}{vigil?.Stdout}");
    }
}
