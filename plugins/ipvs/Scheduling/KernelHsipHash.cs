using System.Numerics;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// The kernel's hsiphash() of one 32-bit value on 64-bit machines, where it is SipHash-1-3 truncated to 32 bits
/// (lib/siphash.c), as ip_vs_mh.c calls it with its fixed keys.
/// </summary>
internal static class KernelHsipHash
{
    private const ulong Const0 = 0x736f6d6570736575;
    private const ulong Const1 = 0x646f72616e646f6d;
    private const ulong Const2 = 0x6c7967656e657261;
    private const ulong Const3 = 0x7465646279746573;

    /// <summary>hsiphash(&amp;value, 4, {key, key}).</summary>
    public static uint Hash(uint value, ulong key)
    {
        var v0 = Const0 ^ key;
        var v1 = Const1 ^ key;
        var v2 = Const2 ^ key;
        var v3 = Const3 ^ key;
        var b = (4UL << 56) | value;
        v3 ^= b;
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= b;
        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return unchecked((uint)(v0 ^ v1 ^ v2 ^ v3));
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        unchecked
        {
            v0 += v1;
            v1 = BitOperations.RotateLeft(v1, 13);
            v1 ^= v0;
            v0 = BitOperations.RotateLeft(v0, 32);
            v2 += v3;
            v3 = BitOperations.RotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = BitOperations.RotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = BitOperations.RotateLeft(v1, 17);
            v1 ^= v2;
            v2 = BitOperations.RotateLeft(v2, 32);
        }
    }
}
