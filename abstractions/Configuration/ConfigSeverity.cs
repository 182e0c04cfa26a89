namespace Vigil.Abstractions.Configuration;

/// <summary>How serious a configuration problem is.</summary>
public enum ConfigSeverity
{
    /// <summary>Loads, but the user should know (a deprecated keyword, a section no enabled module handles).</summary>
    Warning,

    /// <summary>The configuration is rejected.</summary>
    Error,
}
