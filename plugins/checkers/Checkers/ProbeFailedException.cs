using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>Carries a failed result out of a connection callback that can only throw (HttpClient's ConnectCallback).</summary>
internal sealed class ProbeFailedException : Exception
{
    /// <summary>Wraps <paramref name="result"/>.</summary>
    public ProbeFailedException(CheckResult result)
        : base(result.Detail) => Result = result;

    /// <summary>The failure.</summary>
    public CheckResult Result { get; }
}
