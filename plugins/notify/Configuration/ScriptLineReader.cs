using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Processes;
using Vigil.Plugins.Notify.Security;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Checks one configured script line: it parses, and under enable_script_security it is safe to run.</summary>
internal static class ScriptLineReader
{
    /// <summary>The line, or null when it does not parse or is refused (both reported).</summary>
    public static string? Read(IConfigurationSection key, string context, bool scriptSecurity, ValidationReport report)
    {
        var line = key.Value;
        if (line is null)
        {
            return null;
        }

        ScriptCommand command;
        try
        {
            command = ScriptCommand.Parse(line);
        }
        catch (FormatException e)
        {
            report.Error(key.Path, $"{e.Message} for {key.Key} in {context}");
            return null;
        }

        var program = ScriptSecurity.ResolveProgram(command.FileName);
        if (program is null)
        {
            report.Warning(key.Path, $"{key.Key} script {command.FileName} not found in {context}");
            return line;
        }

        if (scriptSecurity && ScriptSecurity.Check(program) is { } problem)
        {
            report.Error(key.Path, $"{key.Key} script refused in {context}: {problem} (enable_script_security)");
            return null;
        }

        return line;
    }
}
