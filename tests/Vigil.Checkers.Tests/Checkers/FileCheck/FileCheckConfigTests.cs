using Vigil.Host.Configuration;
using Vigil.Plugins.Checkers.Checkers.FileCheck;

namespace Vigil.Checkers.Tests.Checkers.FileCheck;

/// <summary>FILE_CHECK's configuration errors through the host's keepalived reader: each names its file and line.</summary>
public sealed class FileCheckConfigTests
{
    [Fact]
    public void UnknownTrackFile_IsAnErrorAtItsLine()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-filecheck-").FullName;
        try
        {
            var path = Path.Combine(dir, "keepalived.conf");
            File.WriteAllText(path, """
                track_file tf {
                    file /tmp/tf
                }
                virtual_server 10.0.0.1 80 {
                    real_server 10.0.0.2 80 {
                        FILE_CHECK {
                            track_file tf
                        }
                        FILE_CHECK {
                            track_file missing
                        }
                    }
                }
                """);
            var configuration = ClusterConfigLoader.Load(path, "node1").Configuration!;
            var report = new Vigil.Abstractions.Configuration.ValidationReport(configuration.Locator);

            new FileCheckValidator().Validate(configuration, report);

            var issue = Assert.Single(report.Issues);
            Assert.Equal($"{path}:10: error: track_file missing not found for FILE_CHECK of real_server 10.0.0.2 80", issue.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
