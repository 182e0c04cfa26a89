namespace Vigil.Testing.Netns;

/// <summary>Whether the test process can create network namespaces.</summary>
public static class Root
{
    /// <summary>True when running as uid 0.</summary>
    public static bool IsRoot => NetnsNative.geteuid() == 0;

    /// <summary>Throws a clear error when not root; namespace tests must not be skipped silently in CI.</summary>
    public static void Require()
    {
        if (!IsRoot)
        {
            throw new InvalidOperationException(
                "this test needs root (network namespaces, raw sockets); CI runs the suite as root after scripts/install-deps.sh");
        }
    }
}
