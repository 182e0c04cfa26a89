namespace Vigil.Host.Configuration.Keepalived;

/// <summary>The tokens of one line (without locations) and whether a quote was left open.</summary>
internal sealed record LexedLine(IReadOnlyList<(KeepalivedTokenKind Kind, string Text)> Tokens, bool UnterminatedQuote);
