using Vigil.Host.Configuration;

namespace Vigil.Host.Tests.Configuration;

/// <summary>A private temporary folder to write configuration files into; removed on dispose.</summary>
internal sealed class TempConfig : IDisposable
{
    public TempConfig() => Directory.CreateDirectory(Dir);

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "vigil-cfg-" + Guid.NewGuid().ToString("N")[..12]);

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> as keepalived.conf and loads it with config id <c>node1</c>.</summary>
    public ClusterLoadResult Load(string text, string name = "keepalived.conf") => ClusterConfigLoader.Load(Write(name, text), "node1");

    /// <summary>A message line with this folder's prefix removed.</summary>
    public string Relative(string line) => line.Replace(Dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
