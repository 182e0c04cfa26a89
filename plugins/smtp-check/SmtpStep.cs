namespace Vigil.Plugins.SmtpCheck;

/// <summary>What the dialogue asks for next: send a command and wait for its reply, or stop with a verdict.</summary>
/// <param name="Send">The command to send (<c>HELO name\r\n</c>), or null when the dialogue has ended.</param>
/// <param name="Passed">True when it ended well.</param>
/// <param name="Detail">What was seen, for the result (<c>greeting 554 no service</c>).</param>
internal sealed record SmtpStep(byte[]? Send, bool Passed, string Detail)
{
    /// <summary>True when the dialogue has ended.</summary>
    public bool Ended => Send is null;

    /// <summary>Send <paramref name="command"/> and wait for the reply.</summary>
    public static SmtpStep Command(byte[] command, string detail) => new(command, false, detail);

    /// <summary>Ended well.</summary>
    public static SmtpStep Pass(string detail) => new(null, true, detail);

    /// <summary>Ended badly.</summary>
    public static SmtpStep Fail(string detail) => new(null, false, detail);
}
