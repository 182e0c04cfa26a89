using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>One statement of keepalived.conf: a keyword, its arguments and, for a block, its children.</summary>
/// <param name="Keyword">The first word.</param>
/// <param name="Args">The other words, quotes removed.</param>
/// <param name="Location">Where the statement starts.</param>
/// <param name="Children">The block's statements; null for a plain statement.</param>
internal sealed record ConfigNode(string Keyword, IReadOnlyList<string> Args, SourceLocation Location, IReadOnlyList<ConfigNode>? Children)
{
    /// <summary>True for <c>keyword … { … }</c>.</summary>
    public bool IsBlock => Children is not null;

    /// <summary>The words after the keyword joined by one space, the form the tree stores.</summary>
    public string ArgText => string.Join(' ', Args);

    /// <summary>Keyword and arguments, as a user would name the block (<c>vrrp_instance VI_1</c>).</summary>
    public string Title => Args.Count == 0 ? Keyword : $"{Keyword} {ArgText}";
}
