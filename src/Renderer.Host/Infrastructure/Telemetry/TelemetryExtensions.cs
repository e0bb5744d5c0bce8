using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Renderer.Host.Infrastructure.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry metrics and traces for the server (its own meter and spans, ASP.NET Core, HttpClient and the .NET
    /// runtime). They are exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set (with
    /// the other <c>OTEL_*</c> variables: protocol, headers, service name); logs stay structured through ILogger.
    /// </summary>
    public static IServiceCollection AddRendererTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<RendererMetrics>();
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("renderer"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RendererMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (otlp) metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(RendererMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp) tracing.AddOtlpExporter();
            });
        _ = telemetry;
        return services;
    }
}
