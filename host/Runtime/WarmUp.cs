using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vigil.Abstractions.Modules;
using Vigil.Host.Events;

namespace Vigil.Host.Runtime;

/// <summary>
/// After start: compiles every method of the assemblies marked <see cref="PrecompileAttribute"/> (plugins and the private
/// libraries they carry) and of the event bus (which their threads publish through) on a background thread, then hands
/// the memory the JIT freed back to the system. Code that first runs on a failover or a SIGTERM (taking over the addresses, gratuitous ARP, the priority-0
/// advertisement, the stop path) is then already compiled when it is needed, instead of being compiled on the critical
/// path. Everything else (CLI, configuration readers, admin commands, notification channels) is compiled when it first
/// runs: compiling it ahead cost about 6 MB of resident memory for code most daemons never run.
/// </summary>
internal static partial class WarmUp
{
    /// <summary>Starts the background pass; returns at once.</summary>
    public static void Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "vigil warm-up", Priority = ThreadPriority.BelowNormal };
        thread.Start();
    }

    /// <summary>
    /// The loaded assemblies marked <see cref="PrecompileAttribute"/>, plugin load contexts included: plugins, and the
    /// private libraries they carry (Vigil.Linux), each copy in the load context of the plugin that loaded it.
    /// </summary>
    internal static IReadOnlyList<Assembly> MarkedAssemblies() => [.. AppDomain.CurrentDomain.GetAssemblies().Where(IsMarked)];

    private static void Run()
    {
        Prepare(typeof(EventBus));
        Prepare(typeof(Subscription));

        // A marked library loads when its plugin's code first touches it; if that is compiling the plugin here, the
        // library only appears now, so look again until no new marked assembly shows up.
        var done = new HashSet<Assembly>();
        List<Assembly> pending;
        while ((pending = [.. MarkedAssemblies().Where(a => !done.Contains(a))]).Count > 0)
        {
            foreach (var assembly in pending)
            {
                done.Add(assembly);
                Prepare(assembly);
            }
        }

        // The JIT's scratch memory is freed to glibc's heap, which keeps it; give it back.
        _ = malloc_trim(0);
    }

    private static bool IsMarked(Assembly assembly) =>
        !assembly.IsDynamic && assembly.IsDefined(typeof(PrecompileAttribute), inherit: false);

    private static void Prepare(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.OfType<Type>()];
        }

        foreach (var type in types.Where(t => !t.ContainsGenericParameters))
        {
            Prepare(type);
        }
    }

    private static void Prepare(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<MethodBase> methods = type.GetMethods(all);
        foreach (var method in methods.Concat(type.GetConstructors(all)))
        {
            if (method.IsAbstract || method.ContainsGenericParameters
                || (method.MethodImplementationFlags & (MethodImplAttributes.InternalCall | MethodImplAttributes.Runtime)) != 0
                || (method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            {
                continue;
            }

            try
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
            catch (Exception e) when (e is ArgumentException or TypeLoadException or FileNotFoundException or BadImageFormatException or MissingMethodException or InvalidProgramException)
            {
                // A method that cannot be compiled ahead (a missing optional dependency) is compiled when called, as before.
            }
        }
    }

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);
}
