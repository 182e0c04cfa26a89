using System.Runtime.Loader;
using Autofac;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Modules;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.SmtpCheck.Tests.Integration;

/// <summary>
/// The plugin as it is deployed: built against the Vigil.Abstractions package into the host's plugins directory,
/// loaded in a context of its own as the host loads it, sharing the host's contract, and enabled by host.json.
/// </summary>
public sealed class PackagedPluginTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.PluginsDirectory, "smtp-check");

    [Fact]
    public void DeployedFolder_CarriesNoCopyOfTheContract()
    {
        var files = Directory.GetFiles(Folder).Select(Path.GetFileName).ToList();

        Assert.Contains("Vigil.Plugins.SmtpCheck.dll", files);
        Assert.DoesNotContain("Vigil.Abstractions.dll", files);
        Assert.DoesNotContain("Autofac.dll", files);
    }

    [Fact]
    public void LoadedInItsOwnContext_TheModuleIsTheHostsIClusterModule_AndRegistersSmtpCheck()
    {
        var loader = PluginLoader.CreateFromAssemblyFile(
            Path.Combine(Folder, "Vigil.Plugins.SmtpCheck.dll"),
            config =>
            {
                config.IsUnloadable = false;
                config.PreferSharedTypes = true;
            });
        var assembly = loader.LoadDefaultAssembly();
        var entry = Assert.Single(assembly.GetExportedTypes(), t => typeof(IClusterModule).IsAssignableFrom(t));

        var module = (IClusterModule)Activator.CreateInstance(entry)!;
        var builder = new ContainerBuilder();
        module.Register(builder, new ModuleContext(module.Name, new ConfigurationBuilder().Build(), "test", "/nonexistent", "/nonexistent"));
        using var container = builder.Build();

        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(assembly));
        var contract = typeof(IClusterModule).Assembly.GetName();
        Assert.Equal(contract.FullName, Assert.Single(assembly.GetReferencedAssemblies(), r => r.Name == contract.Name).FullName);
        Assert.Equal("smtp-check", module.Name);
        Assert.Equal("SMTP_CHECK", Assert.Single(container.Resolve<IEnumerable<IHealthChecker>>()).Name);
    }

    [Fact]
    public async Task CheckConfig_WithTheDefaultHostJson_ValidatesSmtpCheckBlocksWithFileAndLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vigil-smtp-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, """
            virtual_server 10.1.0.93 25 {
                delay_loop 6
                real_server 10.1.0.69 25 {
                    SMTP_CHECK {
                        helo_name "two words"
                        host {
                            connect_port 70000
                        }
                    }
                }
            }
            """ + "\n");
        try
        {
            var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", file]);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(
                [
                    $"{file}:5: error: helo_name 'two words' in SMTP_CHECK of real_server 10.1.0.69 25 is not one host name (printable ASCII without spaces)",
                    $"{file}:7: error: connect_port 70000 out of range 1-65535 in host 1 of SMTP_CHECK of real_server 10.1.0.69 25",
                ],
                result.Lines.Where(l => l.Contains("error", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
