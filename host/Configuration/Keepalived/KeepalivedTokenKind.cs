namespace Vigil.Host.Configuration.Keepalived;

/// <summary>The kinds of token in keepalived.conf syntax.</summary>
internal enum KeepalivedTokenKind
{
    /// <summary>A word, quotes removed.</summary>
    Word,

    /// <summary><c>{</c>.</summary>
    Open,

    /// <summary><c>}</c>.</summary>
    Close,

    /// <summary>The end of a line that held at least one token.</summary>
    EndOfLine,
}
