using Vigil.Abstractions.Events;
using Vigil.Notify.Tests.Support;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Notify.Tests.Templates;

public sealed class ArgumentsTemplateTests
{
    [Fact]
    public void Render_ValueWithSpacesAndShellSyntax_StaysOneArgument()
    {
        var template = ArgumentsTemplate.TryCompile("--name {{ name }} {{ new_state | string.downcase }}", out _)!;
        var model = NotificationModel.Build(Events.Vrrp("a b; $(x)\nc", VrrpState.Backup, VrrpState.Master), new ModelContext("h", "r"));

        Assert.Equal(["--name", "a b; $(x)\nc", "master"], template.Render(model));
    }

    [Fact]
    public void TryCompile_BadWord_NamesIt()
    {
        Assert.Null(ArgumentsTemplate.TryCompile("ok {{1+}}", out var error));
        Assert.Contains("{{1+}}", error);
    }
}
