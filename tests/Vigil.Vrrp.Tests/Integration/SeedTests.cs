namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class SeedTests
{
    private static readonly string[] Ab = ["a", "b"];

    /// <summary>The seed's "high-availability nginx" configuration, with only the interface, addresses and paths changed.</summary>
    private static string SeedConf(string dir, string state, int priority) => $$"""
        ! Configuration File for keepalived
        global_defs {
            notification_email {
                root@localhost
            }
            notification_email_from keepalived@localhost
            smtp_server 127.0.0.1
            smtp_connect_timeout 30
            router_id node_{{state}}
            vrrp_mcast_group4 224.0.100.19
        }
        vrrp_script chk_down {
            script "[[ -f {{dir}}/down.{{state}} ]] && exit 1 || exit 0"
            interval 1
            weight -5
        }
        vrrp_instance VI_1 {
            state {{state}}
            interface eth0
            virtual_router_id 14
            priority {{priority}}
            advert_int 1
            authentication {
                auth_type PASS
                auth_pass 571f97b2
            }
            virtual_ipaddress {
                10.77.0.100/24 dev eth0
            }
            track_script {
                chk_down
            }
            notify_master "{{dir}}/notify.sh master"
            notify_backup "{{dir}}/notify.sh backup"
        }
        """;

    [Fact]
    public async Task SeedConfig_WithNotify_DownFileMovesVipAndRunsNotifyScripts()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var notify = Path.Combine(lab.Directory, "notify.sh");
        await File.WriteAllTextAsync(notify, $"#!/bin/sh\necho \"$1\" >> {lab.Directory}/notified.$(hostname -I | cut -d' ' -f1)\n");
        File.SetUnixFileMode(notify, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        lab.StartVigil("a", SeedConf(lab.Directory, "MASTER", 100), notifyEnabled: true);
        lab.StartVigil("b", SeedConf(lab.Directory, "BACKUP", 98), notifyEnabled: true);
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(6));
        await lab.AssertHoldersStayAsync(Ab, ["a"], TimeSpan.FromSeconds(1));

        await File.WriteAllTextAsync(Path.Combine(lab.Directory, "down.MASTER"), "");

        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(6));
        var row = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "BACKUP", TimeSpan.FromSeconds(1));
        Assert.Equal(95, (int)row["effective_priority"]!);
        var notified = Path.Combine(lab.Directory, "notified.10.77.0.2");
        await WaitForFileAsync(notified, "master", TimeSpan.FromSeconds(3));
    }

    private static async Task WaitForFileAsync(string path, string content, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && (await File.ReadAllTextAsync(path)).Contains(content, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{path} never contained '{content}': {(File.Exists(path) ? await File.ReadAllTextAsync(path) : "missing")}");
    }
}
