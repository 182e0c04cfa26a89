namespace Vigil.Plugins.Notify.Configuration;

/// <summary>A notify fifo and the script keepalived starts to read it (<c>notify_fifo_script</c>), which gets the fifo's path.</summary>
/// <param name="Path">The fifo.</param>
/// <param name="Script">The reader script line, or null.</param>
/// <param name="ConfigPath">Where the fifo was configured, for messages.</param>
internal sealed record FifoScript(string Path, string? Script, string ConfigPath);
