namespace Vigil.Plugins.Ipvs.DataPlanes;

/// <summary>The system refused a data-plane change; what was programmed before is still in place.</summary>
public sealed class DataPlaneException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataPlaneException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around its cause.</summary>
    public DataPlaneException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
