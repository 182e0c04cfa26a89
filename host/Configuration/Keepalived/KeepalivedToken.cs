using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>One token and the line it was read from.</summary>
internal readonly record struct KeepalivedToken(KeepalivedTokenKind Kind, string Text, SourceLocation Location);
