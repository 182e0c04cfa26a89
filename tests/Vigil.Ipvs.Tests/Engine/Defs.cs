using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Ipvs.Tests.Engine;

/// <summary>Small builders for virtual-server definitions in engine tests.</summary>
internal static class Defs
{
    public static VirtualServerKey Vs(string text = "10.1.0.93:80") => VirtualServerKey.Parse(text);

    public static RealServerKey Rs(string text) => RealServerKey.Parse(text);

    public static RealServerDefinition Real(string text, int weight = 1, int checkers = 1, bool inhibit = false) =>
        new(Rs(text), weight, inhibit, ForwardingMethod.Nat, checkers, null);

    public static VirtualServerDefinition Service(string key, params RealServerDefinition[] servers)
    {
        var vs = Vs(key);
        return new VirtualServerDefinition { Key = vs, Endpoints = [vs], Protocol = vs.Protocol, RealServers = servers };
    }

    public static VirtualServerDefinition Seedlike() =>
        Service("10.1.0.93:80", Real("10.1.0.69:80"), Real("10.1.0.71:80"), Real("10.1.0.72:80")) with
        {
            SorryServer = Rs("127.0.0.1:80"),
            Method = ForwardingMethod.DirectRouting,
        };

    public static IPAddress Ip(string text) => IPAddress.Parse(text);
}
