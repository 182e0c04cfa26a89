using System.CommandLine;

namespace Vigil.Host.Cli;

/// <summary><c>vigil demo</c>: a self-contained namespace lab showing VIP failover.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var command = new Command("demo", "Run the high-availability nginx demo in network namespaces (needs root)");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine("vigil demo: the failover demo is filled in by the VRRP plugin's work (issue 'VRRP: virtual IP failover');");
            Console.Out.WriteLine("until then, try: vigil check-config -f tests/fixtures/seed/<file>.conf");
            return 0;
        });
        return command;
    }
}
