namespace Vigil.Plugins.Notify.Templates;

/// <summary>Formats servers the way keepalived's mails and fifo lines show them.</summary>
internal static class ServerText
{
    /// <summary><c>10.1.0.69 80</c> becomes <c>[10.1.0.69]:80</c>; <c>fwmark 1</c> becomes <c>FWM 1</c>; anything else is kept.</summary>
    public static string Format(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return "";
        }

        var words = configured.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            ["fwmark", var mark] => $"FWM {mark}",
            ["group", var name] => name,
            [var address, var port] => $"[{address}]:{port}",
            [var address] => $"[{address}]",
            _ => configured,
        };
    }
}
