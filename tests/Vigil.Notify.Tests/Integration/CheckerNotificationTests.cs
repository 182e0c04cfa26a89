using Vigil.Testing.Netns;
using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Integration;

/// <summary>
/// A real checker's verdicts reach notify: one <c>vigil run</c> with the checkers and virtual-server modules checks a
/// python HTTP server in its namespace with TCP_CHECK; stopping and restarting the server runs the real server's
/// notify_down and notify_up lines (with keepalived's arguments: only what the line says) and sends keepalived's
/// checker mails, once per change.
/// </summary>
[Collection(NetnsCollection.Name)]
public class CheckerNotificationTests
{
    private const int RealServerPort = 8081;

    [Fact]
    public async Task TcpCheck_ServerStopsAndReturns_RunsNotifyDownThenUpAndMailsEachOnce()
    {
        await using var lab = await NotifyLab.CreateAsync("a");
        await lab.StartSmtpAsync("a");
        var calls = Path.Combine(lab.NodeDirectory("a"), "rs-calls");
        var script = Path.Combine(lab.NodeDirectory("a"), "rs.sh");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\necho \"$#:$*\" >> '{calls}'\n");
        File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("755", 8));

        var server = await StartRealServerAsync(lab);
        lab.StartVigil("a", Conf(script), virtualServers: true);

        // Up from the start (no alpha) announces nothing, as keepalived without rs_init_notifies.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(File.Exists(calls), lab.DaemonOutput());
        Assert.Empty(lab.MailSubjects("a"));

        await server.StopAsync();
        Assert.True(await Wait.UntilAsync(() => Lines(calls).Length >= 1 && lab.MailSubjects("a").Length >= 1), lab.DaemonOutput());
        await StartRealServerAsync(lab);
        Assert.True(await Wait.UntilAsync(() => Lines(calls).Length >= 2 && lab.MailSubjects("a").Length >= 2), lab.DaemonOutput());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(["1:down", "1:up"], Lines(calls));
        const string Servers = "Realserver [127.0.0.1]:tcp:8081 of virtual server [10.77.0.100]:tcp:80";
        Assert.Equal([$"[node-a] {Servers} - DOWN", $"[node-a] {Servers} - UP"], lab.MailSubjects("a"));
        var mail = lab.Mail("a");
        Assert.Contains("=> TCP CHECK failed on service <=", mail);
        Assert.Contains("Reason: connection refused", mail);
        Assert.Contains("=> TCP CHECK succeed on service <=", mail);
        Assert.Contains("X-Mailer: Keepalived\r\n", mail);
    }

    private static async Task<LabProcess> StartRealServerAsync(NotifyLab lab)
    {
        var server = lab.Lab.StartProcess(
            lab.Lab["a"].Namespace,
            "python3", "-u", "-m", "http.server", RealServerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1");
        await Wait.UntilAsync(() => server.Stdout.Contains("Serving HTTP", StringComparison.Ordinal) || server.HasExited);
        Assert.False(server.HasExited, server.Stderr);
        return server;
    }

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    private static string Conf(string script) => $$"""
        global_defs {
            router_id node-a
            notification_email {
                root@localhost
            }
            notification_email_from keepalived@node-a
            smtp_server 127.0.0.1 {{NotifyLab.SmtpPort}}
            smtp_connect_timeout 5
        }

        virtual_server {{NotifyLab.Vip}} 80 {
            delay_loop 0.3
            lb_algo rr
            lb_kind NAT
            protocol TCP

            real_server 127.0.0.1 {{RealServerPort}} {
                weight 1
                smtp_alert
                notify_up "{{script}} up"
                notify_down "{{script}} down"
                TCP_CHECK {
                    connect_timeout 1
                    retry 0
                }
            }
        }

        """;
}
