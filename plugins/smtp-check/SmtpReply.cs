namespace Vigil.Plugins.SmtpCheck;

/// <summary>One complete SMTP reply: its three-digit code and the text of its last line.</summary>
/// <param name="Code">The reply code (220, 250, 554, …).</param>
/// <param name="Text">The last line as the server sent it, without its line end, for messages.</param>
internal readonly record struct SmtpReply(int Code, string Text);
