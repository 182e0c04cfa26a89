using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>
/// Builds statements and blocks from the token stream. A statement ends at the end of its line, at <c>{</c> (which
/// makes it a block header) or at <c>}</c>; a <c>{</c> alone on a line opens a block for the statement just before it.
/// Unbalanced braces are reported, never thrown.
/// </summary>
internal static class KeepalivedParser
{
    /// <summary>Parses <paramref name="tokens"/> into top-level statements, reporting brace problems to <paramref name="tree"/>.</summary>
    public static IReadOnlyList<ConfigNode> Parse(IReadOnlyList<KeepalivedToken> tokens, ConfigTree tree)
    {
        var root = new Frame(null, [], null);
        var stack = new Stack<Frame>();
        stack.Push(root);
        var words = new List<string>();
        SourceLocation? start = null;
        Frame? pendingFrame = null;

        foreach (var token in tokens)
        {
            var frame = stack.Peek();
            switch (token.Kind)
            {
                case KeepalivedTokenKind.Word:
                    start ??= token.Location;
                    words.Add(token.Text);
                    pendingFrame = null;
                    break;
                case KeepalivedTokenKind.EndOfLine:
                    if (words.Count > 0)
                    {
                        frame.Children.Add(Statement(words, start!));
                        pendingFrame = frame;
                    }

                    Reset(words, ref start);
                    break;
                case KeepalivedTokenKind.Open:
                    Frame block;
                    if (words.Count > 0)
                    {
                        block = new Frame(Statement(words, start!), [], token.Location);
                    }
                    else if (pendingFrame is not null && pendingFrame.Children.Count > 0 && !pendingFrame.Children[^1].IsBlock)
                    {
                        block = new Frame(pendingFrame.Children[^1], [], token.Location);
                        pendingFrame.Children.RemoveAt(pendingFrame.Children.Count - 1);
                    }
                    else
                    {
                        tree.Error(token.Location, "'{' without a keyword");
                        block = new Frame(null, [], token.Location);
                    }

                    stack.Push(block);
                    Reset(words, ref start);
                    pendingFrame = null;
                    break;
                case KeepalivedTokenKind.Close:
                    if (words.Count > 0)
                    {
                        frame.Children.Add(Statement(words, start!));
                    }

                    Reset(words, ref start);
                    pendingFrame = null;
                    if (stack.Count == 1)
                    {
                        tree.Error(token.Location, "unexpected '}' with no block open");
                    }
                    else
                    {
                        Close(stack);
                    }

                    break;
            }
        }

        if (words.Count > 0)
        {
            stack.Peek().Children.Add(Statement(words, start!));
        }

        while (stack.Count > 1)
        {
            var open = stack.Peek();
            tree.Error(open.Header?.Location ?? open.OpenedAt, $"missing '}}' to close {open.Header?.Title ?? "block"}");
            Close(stack);
        }

        return root.Children;
    }

    private static ConfigNode Statement(List<string> words, SourceLocation start) => new(words[0], words[1..], start, null);

    private static void Reset(List<string> words, ref SourceLocation? start)
    {
        words.Clear();
        start = null;
    }

    /// <summary>Pops a block and attaches it to its parent; a block opened without a keyword is dropped.</summary>
    private static void Close(Stack<Frame> stack)
    {
        var done = stack.Pop();
        if (done.Header is not null)
        {
            stack.Peek().Children.Add(done.Header with { Children = done.Children });
        }
    }

    private sealed record Frame(ConfigNode? Header, List<ConfigNode> Children, SourceLocation? OpenedAt);
}
