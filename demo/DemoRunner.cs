using System.Runtime.InteropServices;

namespace Vigil.Demo;

/// <summary>
/// <c>./vigil demo</c> from start to cleanup: checks root and tools, runs the stories one after the other in one lab
/// (each on a quiet machine: the processes of the one before are stopped), and tears the lab down on every path —
/// success, a failed step, Ctrl-C, SIGTERM, or an unexpected exit.
/// </summary>
internal static class DemoRunner
{
    /// <summary>Exit code when interrupted by SIGINT or SIGTERM.</summary>
    public const int Interrupted = 130;

    /// <summary>Runs the demo; 0 when every step happened.</summary>
    public static int Run(DemoStory story, bool keepalived, TextWriter output, TextWriter error)
    {
        if (!DemoNative.IsRoot)
        {
            error.WriteLine("vigil demo needs root: it creates network namespaces. Run: sudo ./vigil demo");
            return 1;
        }

        var daemon = DemoDaemon.Create(keepalived);
        if (keepalived && story == DemoStory.Cluster)
        {
            error.WriteLine("vigil demo: the cluster story runs Vigil only (keepalived would need kernel IPVS)");
            return 1;
        }

        var cluster = story != DemoStory.Nginx && !keepalived;
        if (DemoPrerequisites.Missing(daemon, cluster) is { Count: > 0 } missing)
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
        List<Func<IDemoStory>> stories = [];
        if (story != DemoStory.Cluster)
        {
            stories.Add(() => new DemoScenario(lab, daemon, say, stop.Token));
        }

        if (cluster)
        {
            stories.Add(() => new ClusterScenario(lab, daemon, say, stop.Token));
        }

        IDemoStory? current = null;
        int code;
        try
        {
            foreach (var next in stories)
            {
                lab.StopProcesses();
                current = next();
                say.Plain($"Vigil demo: {current.Title}");
                current.Run();
                say.Plain("");
            }

            if (story == DemoStory.All && !cluster)
            {
                say.Plain("(the IPVS cluster story runs Vigil only: skipped with --keepalived)");
            }

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
            foreach (var process in current?.Reported ?? [])
            {
                if (process.Tail() is { Length: > 0 } tail)
                {
                    say.Plain($"--- last lines of {process.Name}:\n{tail}");
                }
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
