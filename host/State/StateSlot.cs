namespace Vigil.Host.State;

/// <summary>Where one entry lives in the store: its value type and its id (two keys of different types never meet).</summary>
internal readonly record struct StateSlot(Type Type, string Id);
