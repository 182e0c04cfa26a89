using System.Text;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>
/// keepalived's SMTP_CHECK conversation, without I/O: a 220 greeting, <c>HELO name</c> answered by 250, then
/// <c>QUIT</c>, whose reply ends the check whatever its code (keepalived does not read it either). Pure.
/// </summary>
/// <param name="heloName">The name sent with HELO (<c>helo_name</c>).</param>
internal sealed class SmtpDialogue(string heloName)
{
    private Phase _phase = Phase.Greeting;

    private enum Phase
    {
        Greeting,
        Helo,
        Quit,
        Ended,
    }

    /// <summary>What the dialogue is waiting for, for a message about a timeout or a closed connection.</summary>
    public string Awaiting => _phase switch
    {
        Phase.Greeting => "the greeting",
        Phase.Helo => "the reply to HELO",
        Phase.Quit => "the reply to QUIT",
        _ => "nothing",
    };

    /// <summary>The next step after <paramref name="reply"/>; a reply after the end is refused.</summary>
    public SmtpStep Receive(SmtpReply reply)
    {
        switch (_phase)
        {
            case Phase.Greeting when reply.Code == 220:
                _phase = Phase.Helo;
                return SmtpStep.Command(Encoding.ASCII.GetBytes($"HELO {heloName}\r\n"), $"greeting {reply.Text}");
            case Phase.Helo when reply.Code == 250:
                _phase = Phase.Quit;
                return SmtpStep.Command("QUIT\r\n"u8.ToArray(), $"HELO answered {reply.Text}");
            case Phase.Quit:
                _phase = Phase.Ended;
                return SmtpStep.Pass($"greeted, HELO {heloName} accepted");
            case Phase.Greeting:
                _phase = Phase.Ended;
                return SmtpStep.Fail($"greeting {reply.Text} (expected 220)");
            case Phase.Helo:
                _phase = Phase.Ended;
                return SmtpStep.Fail($"HELO {heloName} answered {reply.Text} (expected 250)");
            default:
                return SmtpStep.Fail($"a reply after the end: {reply.Text}");
        }
    }
}
