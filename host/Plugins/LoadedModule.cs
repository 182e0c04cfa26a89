using Vigil.Abstractions.Modules;
using Vigil.Host.Options;

namespace Vigil.Host.Plugins;

/// <summary>An enabled module whose plugin assembly loaded and whose entry point was created.</summary>
/// <param name="Name">The module name from host.json.</param>
/// <param name="Module">The plugin's entry point.</param>
/// <param name="Options">Its host.json entry.</param>
/// <param name="AssemblyPath">The plugin assembly it came from.</param>
internal sealed record LoadedModule(string Name, IClusterModule Module, ModuleOptions Options, string AssemblyPath);
