using System.Text;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// Looks for a <see cref="BodyRegex"/> in a body that arrives in pieces, in a fixed window: the body streams through
/// <see cref="WindowChars"/> characters, each full window is searched, then its last <see cref="KeptChars"/> are kept for
/// the next, so any match up to <see cref="LongestMatch"/> characters is found wherever it lies and memory never grows
/// (keepalived bounds its PCRE2 partial matches by its 4 KiB buffer the same way). A match touching the window's end
/// waits for the next window, so a cut never makes a match (<c>$</c>) or shortens one; the first characters kept are
/// context for lookbehinds and <c>\b</c>, never a match's start. Pure.
/// </summary>
internal sealed class BodyRegexMatcher
{
    /// <summary>The window's size in characters (one per body byte).</summary>
    public const int WindowChars = 8192;

    /// <summary>Characters kept from one window to the next.</summary>
    public const int KeptChars = WindowChars / 2;

    /// <summary>Characters of the kept part that only give context.</summary>
    public const int ContextChars = 256;

    /// <summary>The longest match always found.</summary>
    public const int LongestMatch = KeptChars - ContextChars;

    private readonly BodyRegex _regex;
    private readonly char[] _window;
    private int _length;
    private long _origin;
    private int _scanFrom;
    private int? _deferred;

    /// <summary>A matcher for <paramref name="regex"/> over <paramref name="window"/> (at least <see cref="WindowChars"/> long, reused).</summary>
    public BodyRegexMatcher(BodyRegex regex, char[] window)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(window.Length, WindowChars);
        _regex = regex;
        _window = window;
    }

    /// <summary>True once a match was found where one may start, false once none can be, null while undecided.</summary>
    public bool? Found { get; private set; }

    /// <summary>Adds the next body bytes, searching each window as it fills.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && Found is null)
        {
            var n = Math.Min(bytes.Length, WindowChars - _length);
            Encoding.Latin1.GetChars(bytes[..n], _window.AsSpan(_length, n));
            _length += n;
            bytes = bytes[n..];
            if (_length == WindowChars)
            {
                Search(final: false);
                Shift();
            }
        }
    }

    /// <summary>Searches what is left at the end of the body; returns whether a match was found.</summary>
    public bool Finish()
    {
        if (Found is null)
        {
            Search(final: true);
        }

        return Found ?? false;
    }

    private void Search(bool final)
    {
        _deferred = null;
        var start = (int)Math.Max(_scanFrom, Math.Min(_length, _regex.MinOffset - _origin));
        if (_regex.MaxOffset is { } max && _origin + start > max)
        {
            Found = false;
            return;
        }

        foreach (var match in _regex.Pattern.EnumerateMatches(_window.AsSpan(0, _length), start))
        {
            if (!final && match.Index + match.Length == _length)
            {
                _deferred = match.Index;
                return;
            }

            // The leftmost match decides, as PCRE2's first match does in keepalived.
            Found = _regex.MaxOffset is not { } last || _origin + match.Index <= last;
            return;
        }

        if (final)
        {
            Found = false;
        }
    }

    private void Shift()
    {
        var dropped = _length - KeptChars;
        _window.AsSpan(dropped, KeptChars).CopyTo(_window);
        _origin += dropped;
        _length = KeptChars;

        // Index 0 of a shifted window is never a match's start: '^' would match there though the body started long before.
        _scanFrom = _deferred is { } d && d > dropped ? Math.Min(ContextChars, d - dropped) : ContextChars;
    }
}
