namespace Vigil.TestDep;

/// <summary>A private dependency that two plugins carry in different versions.</summary>
public static class Marker
{
    public static string Version => "v2";
}
