namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>The kinds of change one IPVS request makes.</summary>
internal enum IpvsChange
{
    /// <summary>IPVS_CMD_NEW_SERVICE.</summary>
    NewService,

    /// <summary>IPVS_CMD_SET_SERVICE.</summary>
    SetService,

    /// <summary>IPVS_CMD_DEL_SERVICE.</summary>
    DeleteService,

    /// <summary>IPVS_CMD_NEW_DEST.</summary>
    NewDestination,

    /// <summary>IPVS_CMD_SET_DEST.</summary>
    SetDestination,

    /// <summary>IPVS_CMD_DEL_DEST.</summary>
    DeleteDestination,
}
