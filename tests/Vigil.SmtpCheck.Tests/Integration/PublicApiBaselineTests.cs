using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.SmtpCheck.Tests.Integration;

/// <summary>
/// The package's public-API baseline is enforced by the build: a scratch copy of abstractions/ with one public member
/// that PublicAPI.*.txt does not declare fails to build with RS0016.
/// </summary>
public sealed class PublicApiBaselineTests
{
    [Fact]
    public async Task Build_UndeclaredPublicMember_FailsWithRS0016()
    {
        var scratch = Directory.CreateTempSubdirectory("vigil-publicapi-").FullName;
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" })
            {
                File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(scratch, file));
            }

            var project = Path.Combine(scratch, "abstractions");
            Copy(Path.Combine(RepoPaths.Root, "abstractions"), project);
            await File.WriteAllTextAsync(Path.Combine(project, "Undeclared.cs"), """
                namespace Vigil.Abstractions;

                /// <summary>A public type nobody declared in the baseline.</summary>
                public static class Undeclared
                {
                    /// <summary>A member.</summary>
                    public static int Member => 1;
                }
                """);

            var result = await Command.RunAsync("dotnet", ["build", project, "-nologo", "-v", "q", "-clp:ErrorsOnly"], TimeSpan.FromMinutes(4));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("error RS0016: Symbol 'Vigil.Abstractions.Undeclared' is not part of the declared public API", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("error RS0016: Symbol 'static Vigil.Abstractions.Undeclared.Member.get -> int' is not part of the declared public API", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
