using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Plugins;

/// <summary>
/// One owner per section, nested keywords handed down: the lvsconfig test plugin owns virtual_server as the
/// virtual-server module will; a checker block inside real_server is validated by the plugin that registered that checker
/// (smtpcheck), and notify's keywords there are notify's — through the real executable, with file and line.
/// </summary>
public sealed class NestedKeywordOwnershipTests
{
    private const string Config = """
        virtual_server_group web {
            10.1.0.93 80
            10.1.0.94-96 80
            2001:db8::93 80
            fwmark 7
            10.1.0.300 80
        }
        virtual_server 10.1.0.93 25 {
            delay_loop 6
            real_server 10.1.0.69 25 {
                weight 1
                notify_up /bin/true
                SMTP_CHECK {
                    connect_port 70000
                    helo_nmae mail.example
                }
            }
        }
        """;

    [Fact]
    public async Task CheckConfig_CheckerBlockInsideRealServer_IsValidatedByTheCheckersPlugin()
    {
        var (file, result) = await CheckAsync("notify", "smtpcheck", "lvsconfig");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{file}:6: error: '10.1.0.300' is not an IP address in virtual_server_group web",
                $"{file}:14: error: connect_port 70000 out of range 1-65535 in SMTP_CHECK of real_server 10.1.0.69 25",
                $"{file}:15: error: unknown keyword 'helo_nmae' in SMTP_CHECK of real_server 10.1.0.69 25",
            ],
            result.Lines);
    }

    [Fact]
    public async Task CheckConfig_NotifyDisabled_ItsKeywordInsideRealServerIsAWarningNamingIt()
    {
        var (file, result) = await CheckAsync("smtpcheck", "lvsconfig");

        Assert.Contains($"{file}:12: warning: 'notify_up' in real_server 10.1.0.69 25 needs module 'notify', which is not enabled; ignored", result.Lines);
    }

    [Fact]
    public async Task CheckConfig_CheckerPluginMissing_ItsBlockIsAnUnknownKeyword()
    {
        var (file, result) = await CheckAsync("notify", "lvsconfig");

        Assert.Contains($"{file}:13: error: unknown keyword 'SMTP_CHECK' in real_server 10.1.0.69 25", result.Lines);
    }

    private static async Task<(string File, CommandResult Result)> CheckAsync(params string[] modules)
    {
        var plugins = TestPlugins.LinkWithSolutionPlugins(
            Path.Combine(Path.GetTempPath(), "vigil-owners-" + Guid.NewGuid().ToString("N")[..8]),
            (await TestPlugins.EnsureBuiltAsync("smtpcheck", "lvsconfig")) is { } ? ["smtpcheck", "lvsconfig"] : []);
        var file = Path.Combine(Path.GetTempPath(), $"vigil-owners-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, Config);
        List<string> args = ["check-config", "-f", file, "--plugins-dir", plugins, "--set", "Modules:vrrp:Enabled=false", "--set", "Modules:notify:Enabled=false", "--set", "Modules:ipvs:Enabled=false", "--set", "Modules:checkers:Enabled=false", "--set", "Modules:smtp-check:Enabled=false"];
        foreach (var module in modules)
        {
            args.AddRange(["--set", $"Modules:{module}:Enabled=true"]);
        }

        return (file, await Command.RunAsync(RepoPaths.VigilBinary, args));
    }
}
