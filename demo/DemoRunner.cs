using System.Runtime.InteropServices;

namespace Vigil.Demo;

/// <summary>
/// <c>./vigil demo</c> from start to cleanup: checks root and tools, runs the scenario, and tears the lab down on
/// every path — success, a failed step, Ctrl-C, SIGTERM, or an unexpected exit.
/// </summary>
internal static class DemoRunner
{
    /// <summary>Exit code when interrupted by SIGINT or SIGTERM.</summary>
    public const int Interrupted = 130;

    /// <summary>Runs the demo; 0 when every step happened.</summary>
    public static int Run(bool keepalived, TextWriter output, TextWriter error)
    {
        if (!DemoNative.IsRoot)
        {
            error.WriteLine("vigil demo needs root: it creates network namespaces. Run: sudo ./vigil demo");
            return 1;
        }

        var daemon = DemoDaemon.Create(keepalived);
        if (DemoPrerequisites.Missing(daemon) is { Count: > 0 } missing)
        {
            foreach (var problem in missing)
            {
                error.WriteLine($"vigil demo: {problem}");
            }

            return 1;
        }

        var say = new Narrator(output);
        using var stop = new CancellationTokenSource();
        using var lab = new DemoLab(DemoLayout.CreateUnique());
        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            say.Say($"{context.Signal} received: stopping");
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        EventHandler atExit = (_, _) => lab.Dispose();
        AppDomain.CurrentDomain.ProcessExit += atExit;
        say.Plain($"Vigil demo: the seed's high-availability nginx example, with {daemon.Name} on two nodes in network namespaces");
        var scenario = new DemoScenario(lab, daemon, say, stop.Token);
        int code;
        try
        {
            scenario.Run();
            code = 0;
        }
        catch (Exception e) when (e is OperationCanceledException || (e is DemoException && stop.IsCancellationRequested))
        {
            // Ctrl-C reaches the short commands of the terminal's process group too; their failure is the interrupt.
            code = Interrupted;
        }
        catch (DemoException e)
        {
            say.Say($"failed: {e.Message}");
            foreach (var node in scenario.Nodes.Where(n => n.DaemonTail.Length > 0))
            {
                say.Plain($"--- last lines of {node.Node.Name}'s {daemon.Name}:\n{node.DaemonTail}");
            }

            if (scenario.ClientTail.Length > 0)
            {
                say.Plain($"--- last lines of the client:\n{scenario.ClientTail}");
            }

            code = 1;
        }
        finally
        {
            say.Say($"cleaning up: stopping every process, deleting namespaces {lab.Layout.Prefix}*");
            lab.Dispose();
            AppDomain.CurrentDomain.ProcessExit -= atExit;
        }

        say.Say(code == 0 ? "done" : $"done (exit {code})");
        return code;
    }
}
