namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Something the driver must do after a <see cref="VrrpRouter"/> call, in the order returned.</summary>
internal abstract record VrrpAction;
