using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Processes;

namespace Vigil.Plugins.Checkers.Checkers.Misc;

/// <summary>A MISC_CHECK block's own keywords, read and validated.</summary>
/// <param name="Command">The parsed <c>misc_path</c> line (the shared script rule: a shell only for shell syntax).</param>
/// <param name="Timeout"><c>misc_timeout</c> in seconds; null (or 0, as keepalived reads it) means delay_loop.</param>
/// <param name="Dynamic"><c>misc_dynamic</c>.</param>
/// <param name="User"><c>user USER [GROUP]</c>'s user.</param>
/// <param name="Group">Its group.</param>
internal sealed record MiscSpec(ScriptCommand Command, TimeSpan? Timeout, bool Dynamic, string? User, string? Group)
{
    /// <summary>Reads <paramref name="block"/>, reporting every problem; null when it cannot run.</summary>
    public static MiscSpec? Read(ConfigBlock block)
    {
        ScriptCommand? command = null;
        if (block.String("misc_path") is not { } line || string.IsNullOrWhiteSpace(line))
        {
            block.Report.Error(block.Section.Path, $"missing misc_path in {block.Context}");
        }
        else
        {
            try
            {
                command = ScriptCommand.Parse(line);
            }
            catch (FormatException e)
            {
                block.Error("misc_path", $"invalid misc_path in {block.Context}: {e.Message}");
            }
        }

        var seconds = block.Int("misc_timeout", 0, int.MaxValue / 1000);
        var dynamic = block.Flag("misc_dynamic");
        string? user = null;
        string? group = null;
        if (block.String("user") is { } account)
        {
            var words = account.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 1 or > 2)
            {
                block.Error("user", $"invalid user '{account}' in {block.Context} (expected USER [GROUP])");
            }
            else
            {
                user = words[0];
                group = words.Length == 2 ? words[1] : null;
            }
        }

        return command is null ? null : new MiscSpec(command, seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null, dynamic, user, group);
    }
}
