using System.Globalization;
using Vigil.Abstractions.Tools;

namespace Vigil.TestPlugins.KvConf;

/// <summary><c>vigil kvcount FILE [WORDS…]</c>: an offline tool; prints how many keys FILE has and echoes the other words untouched.</summary>
public sealed class KvCountTool : ICommandLineTool
{
    public string Name => "kvcount";

    public string Description => "Count the keys of a kvconf file";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            await error.WriteLineAsync("usage: vigil kvcount FILE");
            return 2;
        }

        var result = new KvFileSource(arguments[0]).Load();
        if (result.Document is not IReadOnlyDictionary<string, string> values)
        {
            await error.WriteLineAsync(string.Join("; ", result.Issues.Select(i => i.Message)));
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{values.Count} keys; {string.Join(' ', arguments.Skip(1))}"));
        return 0;
    }
}
