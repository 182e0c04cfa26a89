namespace Vigil.Host.Configuration;

/// <summary>A configuration provider that also tells where each path came from and what went wrong reading it.</summary>
internal interface ITreeProvider
{
    /// <summary>The result of the last load.</summary>
    ConfigTree Tree { get; }
}
