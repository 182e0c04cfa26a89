namespace Vigil.Notify.Tests.Integration;

/// <summary>One-file receivers run with /usr/bin/python3 inside a node namespace, each printing "ready" once listening.</summary>
internal static class ReceiverScripts
{
    /// <summary>aiosmtpd on 127.0.0.1:argv[1]; appends each message (envelope, then content) and a separator to argv[2].</summary>
    public const string Smtp = Support.SmtpReceiver.Script;

    /// <summary>http.server on 127.0.0.1:argv[1]; appends each POST body as one line to argv[2] and answers 200.</summary>
    public const string Http = """
        import sys
        from http.server import BaseHTTPRequestHandler, HTTPServer
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
                with open(sys.argv[2], 'ab') as f:
                    f.write(body.replace(b'\n', b' ') + b'\n')
                self.send_response(200)
                self.send_header('Content-Length', '0')
                self.end_headers()
            def log_message(self, *args):
                pass
        server = HTTPServer(('127.0.0.1', int(sys.argv[1])), Handler)
        print('ready', flush=True)
        server.serve_forever()
        """;
}
