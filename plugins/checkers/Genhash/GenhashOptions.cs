using System.Globalization;
using System.Net;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Plugins.Checkers.Genhash;

/// <summary>
/// keepalived's genhash options: <c>-s/--server</c>, <c>-p/--port</c>, <c>-u/--url</c> (all three required),
/// <c>-S/--use-ssl</c>, <c>-I/--use-sni</c>, <c>-V/--use-virtualhost</c>, <c>-P/--protocol</c> (1.0, 1.0c, 1.1),
/// <c>-t/--timeout</c> (seconds; Vigil's default 5, keepalived's none), <c>-m/--fwmark</c>, <c>-v/--verbose</c>,
/// <c>-h/--help</c>. Values follow their option as the next word, attached (<c>-p80</c>) or after <c>=</c>. Pure.
/// </summary>
internal sealed record GenhashOptions(IPEndPoint Server, string Path, bool Ssl, bool Sni, string? VirtualHost, HttpProtocol Protocol, TimeSpan Timeout, uint Fwmark, bool Verbose)
{
    /// <summary>What <c>vigil genhash -h</c> prints.</summary>
    public const string Usage = """
        Usage: vigil genhash -s server-address -p port -u url [OPTIONS]
        Prints the MD5 digest of a web page's body, as HTTP_GET and SSL_GET's digest compares it.
        Options (long or short):
           --use-ssl         -S       Use SSL connection to remote server.
           --use-sni         -I       Use SNI during SSL handshake (uses virtualhost setting; see -V).
           --server          -s       Use the specified remote server address.
           --port            -p       Use the specified remote server port.
           --url             -u       Use the specified remote server url.
           --use-virtualhost -V       Use the specified virtualhost in GET query.
           --verbose         -v       Use verbose mode output.
           --help            -h       Display this short inlined help screen.
           --fwmark          -m       Use the specified FW mark.
           --protocol        -P       Use the specified HTTP protocol - '1.0', 1.0c', '1.1'.
                                        1.0c means 1.0 with 'Connection: close'
           --timeout         -t       Timeout in seconds (default 5)
        """;

    private static readonly Dictionary<string, char> Long = new(StringComparer.Ordinal)
    {
        ["help"] = 'h', ["verbose"] = 'v', ["use-ssl"] = 'S', ["use-sni"] = 'I', ["server"] = 's', ["use-virtualhost"] = 'V',
        ["port"] = 'p', ["url"] = 'u', ["fwmark"] = 'm', ["protocol"] = 'P', ["timeout"] = 't',
    };

    private const string Flags = "hvSI";
    private const string Valued = "sVpumPt";

    /// <summary>Parses <paramref name="args"/>; null with the problem (empty for <c>-h</c>) when they do not make a request.</summary>
    public static GenhashOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<char, string>();
        var flags = new HashSet<char>();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            char option;
            string? value = null;
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = word.IndexOf('=', StringComparison.Ordinal);
                if (!Long.TryGetValue(eq < 0 ? word[2..] : word[2..eq], out option))
                {
                    error = $"Unknown option {word}";
                    return null;
                }

                value = eq < 0 ? null : word[(eq + 1)..];
            }
            else if (word.Length >= 2 && word[0] == '-' && (Flags.Contains(word[1]) || Valued.Contains(word[1])))
            {
                option = word[1];
                value = word.Length > 2 ? word[2..] : null;
            }
            else
            {
                error = word.StartsWith('-') ? $"Unknown option {word}" : $"Unexpected argument(s): {word}";
                return null;
            }

            if (Flags.Contains(option))
            {
                flags.Add(option);
                continue;
            }

            if (value is null)
            {
                if (++i >= args.Count)
                {
                    error = $"Missing parameter for option {word}";
                    return null;
                }

                value = args[i];
            }

            values[option] = value;
        }

        error = "";
        if (flags.Contains('h'))
        {
            return null;
        }

        return Build(values, flags, out error);
    }

    private static GenhashOptions? Build(Dictionary<char, string> values, HashSet<char> flags, out string error)
    {
        if (!values.TryGetValue('s', out var serverText) || !values.TryGetValue('p', out var portText) || !values.TryGetValue('u', out var path))
        {
            error = "-s server-address, -p port and -u url are required";
            return null;
        }

        if (!IPAddress.TryParse(serverText, out var server))
        {
            error = $"server should be an IP, not {serverText}";
            return null;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"invalid port number '{portText}'";
            return null;
        }

        if (!HttpRequestText.IsToken(path))
        {
            error = $"invalid url '{path}'";
            return null;
        }

        var host = values.GetValueOrDefault('V');
        if (host is not null && !HttpRequestText.IsToken(host))
        {
            error = $"invalid virtualhost '{host}'";
            return null;
        }

        var protocol = HttpProtocol.Default;
        if (values.TryGetValue('P', out var protocolText))
        {
            // genhash takes 1.0, 1.0c and 1.1; the configuration's 1.0K is not among them.
            var parsed = protocolText.Equals("1.0K", StringComparison.OrdinalIgnoreCase) ? null : HttpProtocol.Parse(protocolText);
            if (parsed is null)
            {
                error = $"invalid HTTP protocol version '{protocolText}'";
                return null;
            }

            protocol = parsed;
        }

        var timeout = 5u;
        if (values.TryGetValue('t', out var timeoutText) && (!uint.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out timeout) || timeout == 0))
        {
            error = $"invalid timeout '{timeoutText}'";
            return null;
        }

        var fwmark = 0u;
        if (values.TryGetValue('m', out var markText) && !uint.TryParse(markText, NumberStyles.None, CultureInfo.InvariantCulture, out fwmark))
        {
            error = $"invalid fwmark '{markText}'";
            return null;
        }

        error = "";
        return new GenhashOptions(new IPEndPoint(server, port), path, flags.Contains('S'), flags.Contains('I'), host, protocol, TimeSpan.FromSeconds(timeout), fwmark, flags.Contains('v'));
    }
}
