namespace Vigil.Demo;

/// <summary>A step of the demo failed; the message is printed as is, after cleanup.</summary>
internal sealed class DemoException(string message) : Exception(message);
