using System.Runtime.CompilerServices;
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
    /// <summary>Starts the exporter, or returns null when metrics are disabled.</summary>
    /// <remarks>
    /// Typed <see cref="IDisposable"/> and split from <see cref="Build"/> so that with metrics disabled neither the
    /// caller nor this method names an OpenTelemetry type: the JIT then never loads OpenTelemetry and HttpListener.
    /// </remarks>
    public static IDisposable? Start(MetricsOptions options, string instance) =>
        options.Enabled ? Build(options, instance) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static MeterProvider Build(MetricsOptions options, string instance) =>
        Sdk.CreateMeterProviderBuilder()
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
