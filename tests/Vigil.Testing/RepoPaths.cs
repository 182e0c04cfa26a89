namespace Vigil.Testing;

/// <summary>Where the repository and its build outputs are, found from the test assembly's location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "plugins.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"plugins.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The build configuration the tests were built with.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>artifacts/&lt;Configuration&gt;/.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts", Configuration);

    /// <summary>The built host executable.</summary>
    public static string VigilBinary => Path.Combine(Artifacts, "host", "vigil");

    /// <summary>The built demo program (<c>./vigil demo</c>), which runs <see cref="VigilBinary"/>.</summary>
    public static string DemoBinary => Path.Combine(Artifacts, "demo", "vigil-demo");

    /// <summary>The plugins directory the solution's plugins build into.</summary>
    public static string PluginsDirectory => Path.Combine(Artifacts, "plugins");

    /// <summary>tests/fixtures/.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");
}
