using System.Globalization;
using Vigil.Abstractions.Checks;
using Vigil.SmtpCheck.Tests.Support;

namespace Vigil.SmtpCheck.Tests.Integration;

/// <summary>SMTP_CHECK against a real SMTP server: Debian's OpenSMTPD, started by the test.</summary>
public sealed class OpenSmtpdTests
{
    [Fact]
    public async Task ProbeAsync_OpenSmtpd_Passes_ThenFailsAsRefusedOnceItStops()
    {
        var smtpd = await OpenSmtpd.StartAsync();
        IHealthCheck check;
        try
        {
            check = SmtpProbes.Create(
                25,
                ("connect_ip", smtpd.Endpoint.Address.ToString()),
                ("connect_port", smtpd.Endpoint.Port.ToString(CultureInfo.InvariantCulture)),
                ("helo_name", "lb1.vigil.test"));

            var up = await check.ProbeAsync(CancellationToken.None);

            Assert.True(up.Healthy, up.Detail + "\n" + smtpd.Output);
            Assert.Equal($"SMTP {smtpd.Endpoint}: greeted, HELO lb1.vigil.test accepted", up.Detail);
        }
        finally
        {
            await smtpd.DisposeAsync();
        }

        await using (check)
        {
            var down = await check.ProbeAsync(CancellationToken.None);
            Assert.Equal(CheckFailureKind.Refused, down.Failure);
        }
    }
}
