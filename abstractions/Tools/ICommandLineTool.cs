namespace Vigil.Abstractions.Tools;

/// <summary>
/// A command a plugin adds to the <c>vigil</c> command line that runs on its own, without a daemon: <c>vigil NAME
/// ARGS…</c> (the checkers' <c>vigil genhash -s IP -p PORT -u PATH</c>). The host loads the enabled plugins as
/// <c>vigil check-config</c> does, finds the tool by the first word and hands it every following word untouched, so a
/// tool's options may reuse letters the host's own options use. Modules register implementations in the container.
/// </summary>
public interface ICommandLineTool
{
    /// <summary>The word that runs it (<c>genhash</c>); it cannot be a built-in command's.</summary>
    string Name { get; }

    /// <summary>One line on what it does, for messages.</summary>
    string Description { get; }

    /// <summary>Runs with the words after <see cref="Name"/>; returns the process's exit code.</summary>
    /// <param name="arguments">The words after the tool's name, as typed.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where diagnostics and usage go (standard error).</param>
    /// <param name="cancellationToken">Ends the tool (Ctrl-C).</param>
    Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
