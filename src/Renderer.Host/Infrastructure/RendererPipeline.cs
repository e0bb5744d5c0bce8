using Renderer.Host.Api;
using Renderer.Host.Api.V2;
using Renderer.Host.Infrastructure.Health;
using Renderer.Host.Security;
using Renderer.Host.Security.Embedding;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;
using Renderer.Host.Viewer;
using Scalar.AspNetCore;

namespace Renderer.Host.Infrastructure;

/// <summary>
/// The server's request pipeline in order: errors as ProblemDetails, HSTS and security headers, sign-in and
/// permissions, then every endpoint (the built-in provider's only when it runs). The program and the benchmarks use it.
/// </summary>
public static class RendererPipeline
{
    public static WebApplication UseRendererPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        app.UseAuthentication();
        app.UseMiddleware<EmbedScope>();
        app.UseAuthorization();
        if (app.Services.GetService<DevIdentitySecrets>() is not null) app.MapDevIdentityProvider();
        app.MapAccountEndpoints();
        app.MapViewerPages();
        app.MapViewerApi();
        app.MapReportsApi();
        app.MapCatalogItemsApi();
        app.MapReportsV2Api();
        app.MapSharedItemsApi();
        app.MapDataSecurityApi();
        app.MapLogsApi();
        app.MapSubscriptionsApi();
        app.MapSharedSchedulesApi();
        app.MapPoliciesApi();
        app.MapEmbedTokensApi();
        app.MapEmbedPages();
        app.MapRendererHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
