using Vigil.Notify.Tests.Support;
using Vigil.Plugins.Notify.Security;

namespace Vigil.Notify.Tests.Security;

public sealed class ScriptSecurityTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void Check_RootOwnedScriptInRootDirectory_IsSecure()
    {
        Assert.Null(ScriptSecurity.Check(_dir.Script("ok.sh", "exit 0")));
    }

    [Fact]
    public void Check_WorldWritableScript_NamesTheScript()
    {
        var script = _dir.Script("w.sh", "exit 0");
        File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("757", 8));

        Assert.Equal($"script {script} is writable by others", ScriptSecurity.Check(script));
    }

    [Fact]
    public void Check_ScriptOwnedByAnotherUser_IsRefused()
    {
        var script = _dir.Script("n.sh", "exit 0");
        File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("755", 8));
        System.Diagnostics.Process.Start("/bin/chown", ["65534", script])!.WaitForExit();

        Assert.Equal($"script {script} is owned by uid 65534, not root", ScriptSecurity.Check(script));
    }

    [Fact]
    public void Check_GroupWritableDirectoryWithNonRootGroup_IsRefused()
    {
        var script = _dir.Script("g.sh", "exit 0");
        System.Diagnostics.Process.Start("/bin/chgrp", ["65534", _dir.Path])!.WaitForExit();
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("775", 8));

        Assert.Equal($"directory {_dir.Path} is writable by group 65534", ScriptSecurity.Check(script));
    }

    [Fact]
    public void Check_StickyWorldWritableDirectory_IsAllowed()
    {
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("1777", 8));

        Assert.Null(ScriptSecurity.Check(_dir.Script("s.sh", "exit 0")));
    }

    public void Dispose() => _dir.Dispose();
}
