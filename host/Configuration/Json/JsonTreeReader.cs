using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Json;

/// <summary>
/// Reads a JSON cluster configuration into the shared tree, noting the line of every path (so validation messages
/// name lines in JSON too). Strings and numbers are kept as written, booleans become <c>true</c>/<c>false</c>.
/// </summary>
internal static partial class JsonTreeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads <paramref name="path"/>; a syntax error leaves the tree unreadable with one issue naming the line.</summary>
    public static ConfigTree Read(string path)
    {
        var tree = new ConfigTree();
        byte[] bytes;
        try
        {
            bytes = Directory.Exists(path) ? throw new IOException("is a directory") : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file"
                : e is UnauthorizedAccessException ? "permission denied" : e.Message;
            tree.Error(new SourceLocation(path, 0), $"cannot read configuration file '{path}': {reason}");
            tree.Readable = false;
            return tree;
        }

        tree.Files.Add(path);
        var walker = new Walker(path, bytes, tree);
        try
        {
            walker.ReadRoot();
        }
        catch (JsonException e)
        {
            tree.Error(new SourceLocation(path, (int)(e.LineNumber ?? 0) + 1), $"invalid JSON: {Clean(e.Message)}");
            tree.Readable = false;
        }

        return tree;
    }

    private static string Clean(string message)
    {
        var text = PositionSuffix().Replace(message, "").TrimEnd();
        return text.Length > 0 && char.IsUpper(text[0]) && !(text.Length > 1 && char.IsUpper(text[1]))
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex PositionSuffix();

    /// <summary>Walks the document once with a <see cref="Utf8JsonReader"/>, mapping byte offsets to lines.</summary>
    private sealed class Walker
    {
        private readonly string _file;
        private readonly byte[] _bytes;
        private readonly ConfigTree _tree;
        private readonly List<int> _lineStarts = [0];
        private readonly int _offset;

        public Walker(string file, byte[] bytes, ConfigTree tree)
        {
            _file = file;
            _bytes = bytes;
            _tree = tree;
            _offset = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public void ReadRoot()
        {
            var reader = new Utf8JsonReader(_bytes.AsSpan(_offset), Options);
            if (_bytes.AsSpan(_offset).Trim(" \t\r\n"u8).IsEmpty)
            {
                _tree.Error(new SourceLocation(_file, 1), "invalid JSON: the file is empty");
                _tree.Readable = false;
                return;
            }

            reader.Read();

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                _tree.Error(Here(ref reader), "invalid JSON: the top level must be an object");
                _tree.Readable = false;
                return;
            }

            ReadObject(ref reader, "");
            if (reader.Read())
            {
                _tree.Error(Here(ref reader), "invalid JSON: unexpected text after the top-level object");
                _tree.Readable = false;
            }
        }

        private void ReadValue(ref Utf8JsonReader reader, string path, SourceLocation location)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    _tree.Mark(path, location);
                    if (ReadObject(ref reader, path) == 0)
                    {
                        _tree.Data.TryAdd(path, null);
                    }

                    break;
                case JsonTokenType.StartArray:
                    _tree.Mark(path, location);
                    var index = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        ReadValue(ref reader, $"{path}:{index++}", Here(ref reader));
                    }

                    if (index == 0)
                    {
                        _tree.Data.TryAdd(path, null);
                    }

                    break;
                case JsonTokenType.String:
                    _tree.Set(path, reader.GetString(), location);
                    break;
                case JsonTokenType.Number:
                    _tree.Set(path, Encoding.UTF8.GetString(reader.ValueSpan), location);
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    _tree.Set(path, reader.TokenType == JsonTokenType.True ? "true" : "false", location);
                    break;
                default:
                    _tree.Set(path, null, location);
                    break;
            }
        }

        /// <summary>Reads an object's members; returns how many there were.</summary>
        private int ReadObject(ref Utf8JsonReader reader, string path)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? "";
                var location = Here(ref reader);
                if (!seen.Add(name))
                {
                    _tree.Error(location, $"duplicate key '{name}'");
                }

                if (name.Length == 0 || name.Contains(':'))
                {
                    _tree.Error(location, name.Length == 0 ? "empty key" : $"key '{name}' cannot contain ':'");
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                ReadValue(ref reader, path.Length == 0 ? name : $"{path}:{name}", location);
            }

            return seen.Count;
        }

        private SourceLocation Here(ref Utf8JsonReader reader)
        {
            var offset = (int)reader.TokenStartIndex + _offset;
            var line = _lineStarts.BinarySearch(offset);
            return new SourceLocation(_file, line >= 0 ? line + 1 : ~line);
        }
    }
}
