using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>Debian's nginx as a real server that answers every request with its own name.</summary>
internal static class Nginx
{
    /// <summary>
    /// Starts nginx in <paramref name="ns"/> listening on <paramref name="address"/>:80 (<c>*</c>: every address): <c>/</c>
    /// answers the server's name, <c>/files/NAME</c> serves <paramref name="directory"/>/files/NAME.
    /// </summary>
    public static LabProcess Start(NetnsLab lab, string ns, string directory, string name, string address)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            user root;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{directory}}; proxy_temp_path {{directory}}; fastcgi_temp_path {{directory}}; uwsgi_temp_path {{directory}}; scgi_temp_path {{directory}};
              server { listen {{address}}:80; location = / { return 200 "{{name}}\n"; } location = /index.html { return 200 "{{name}}\n"; } location /files/ { root {{directory}}; } }
            }
            """);
        return lab.StartProcess(ns, "nginx", "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;");
    }

    /// <summary>Waits until nginx answers on <paramref name="address"/> from inside <paramref name="ns"/>.</summary>
    public static async Task WaitListeningAsync(NetnsLab lab, string ns, string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var probe = await lab.RunAsync(ns, "curl", "-s", "--max-time", "1", $"http://{address}/");
            if (probe.ExitCode == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"nginx on {address} in {ns} did not start");
    }
}
