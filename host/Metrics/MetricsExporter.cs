using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Vigil.Host.Options;

namespace Vigil.Host.Metrics;

/// <summary>
/// Exports every <c>Vigil.*</c> meter (the host's and each module's) for Prometheus to scrape at
/// <c>http://Host:Port/metrics</c>.
/// </summary>
internal static class MetricsExporter
{
    public static MeterProvider? Start(MetricsOptions options, string instance)
    {
        if (!options.Enabled)
        {
            return null;
        }

        return Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService("vigil", serviceInstanceId: instance))
            .AddMeter("Vigil.*")
            .AddPrometheusHttpListener(o =>
            {
                o.Host = options.Host;
                o.Port = options.Port;
                o.ScrapeEndpointPath = "/metrics";
            })
            .Build();
    }
}
