namespace Vigil.Checkers.Tests.Support;

internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }
}
