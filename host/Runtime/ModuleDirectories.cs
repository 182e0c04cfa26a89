using Vigil.Host.Options;

namespace Vigil.Host.Runtime;

/// <summary>Each module's private state and runtime directories: where they are, and creating them before the module starts.</summary>
internal static class ModuleDirectories
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string State(HostOptions options, string module) => Path.Combine(options.ResolvedStateDirectory, module);

    public static string Runtime(HostOptions options, string module) => Path.Combine(options.ResolvedRuntimeDirectory, module);

    /// <summary>
    /// Creates both directories (and missing parents) and makes each module directory mode 0700 even when it existed:
    /// leases and sockets must not be readable by other users. Throws <see cref="IOException"/> naming the directory.
    /// </summary>
    public static void Create(HostOptions options, string module)
    {
        foreach (var directory in new[] { State(options, module), Runtime(options, module) })
        {
            try
            {
                Directory.CreateDirectory(directory, Private);
                File.SetUnixFileMode(directory, Private);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot create {directory}: {e.Message}", e);
            }
        }
    }
}
