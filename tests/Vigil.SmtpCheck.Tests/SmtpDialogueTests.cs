using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Vigil.Plugins.SmtpCheck;
using Vigil.SmtpCheck.Tests.Support;

namespace Vigil.SmtpCheck.Tests;

public sealed class SmtpDialogueTests
{
    [Fact]
    public void Receive_TheWholeConversation_SendsHeloThenQuit_ThenPasses()
    {
        var dialogue = new SmtpDialogue("checker.example");
        Assert.Equal("the greeting", dialogue.Awaiting);

        var helo = dialogue.Receive(new SmtpReply(220, "220 mail ESMTP"));
        Assert.Equal("HELO checker.example\r\n", Encoding.ASCII.GetString(helo.Send!));
        Assert.Equal("the reply to HELO", dialogue.Awaiting);

        var quit = dialogue.Receive(new SmtpReply(250, "250 mail"));
        Assert.Equal("QUIT\r\n", Encoding.ASCII.GetString(quit.Send!));
        Assert.Equal("the reply to QUIT", dialogue.Awaiting);

        var end = dialogue.Receive(new SmtpReply(221, "221 bye"));
        Assert.True(end is { Ended: true, Passed: true });
        Assert.Equal("greeted, HELO checker.example accepted", end.Detail);
    }

    [Fact]
    public void Receive_554Greeting_FailsNamingIt()
    {
        var step = new SmtpDialogue("x").Receive(new SmtpReply(554, "554 5.3.2 no service"));

        Assert.True(step is { Ended: true, Passed: false });
        Assert.Equal("greeting 554 5.3.2 no service (expected 220)", step.Detail);
    }

    [Fact]
    public void Receive_HeloRefused_FailsNamingTheNameAndTheReply()
    {
        var dialogue = new SmtpDialogue("bad..name");
        dialogue.Receive(new SmtpReply(220, "220 hi"));

        var step = dialogue.Receive(new SmtpReply(501, "501 5.5.4 syntax"));

        Assert.Equal("HELO bad..name answered 501 5.5.4 syntax (expected 250)", step.Detail);
        Assert.False(step.Passed);
    }

    [Fact]
    public void Receive_AfterTheEnd_Fails()
    {
        var dialogue = new SmtpDialogue("x");
        dialogue.Receive(new SmtpReply(554, "554 no"));

        Assert.False(dialogue.Receive(new SmtpReply(220, "220 late")).Passed);
    }

    [FsCheck.Xunit.Property]
    public Property AnyGreetingButTwoTwenty_Fails() =>
        Prop.ForAll(Generators.Code().Where(c => c != 220).ToArbitrary(), code =>
            new SmtpDialogue("x").Receive(new SmtpReply(code, $"{code} no")) is { Ended: true, Passed: false });

    [FsCheck.Xunit.Property]
    public Property AnyHeloReplyButTwoFifty_Fails_AndAnyQuitReplyPasses() =>
        Prop.ForAll(Generators.Code().ToArbitrary(), Generators.Code().ToArbitrary(), (helo, quit) =>
        {
            var dialogue = new SmtpDialogue("x");
            dialogue.Receive(new SmtpReply(220, "220 hi"));
            var afterHelo = dialogue.Receive(new SmtpReply(helo, $"{helo} x"));
            if (helo != 250)
            {
                return afterHelo is { Ended: true, Passed: false };
            }

            return !afterHelo.Ended && dialogue.Receive(new SmtpReply(quit, $"{quit} x")) is { Ended: true, Passed: true };
        });
}
