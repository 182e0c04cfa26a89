namespace Vigil.Host.Tests.Configuration;

/// <summary>Finds tests/fixtures from wherever the test assembly was built to.</summary>
internal static class Fixtures
{
    public static readonly string Root = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Messages name files as the loader was given them; this makes them relative to the fixtures folder.</summary>
    public static string Relative(string line) => line.Replace(Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures not found above " + AppContext.BaseDirectory);
    }
}
