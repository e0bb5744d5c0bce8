using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Renderer.Host.Security.Embedding;

/// <summary>Registration of embedding: its options (validated at start, by commands too), the signing keys, tokens and scheme.</summary>
public static class EmbeddingSetup
{
    public static IServiceCollection AddEmbeddingOptions(this IServiceCollection services)
    {
        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        return services;
    }

    public static AuthenticationBuilder AddEmbedTokens(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddSingleton<EmbedSigningKeys>();
        authentication.Services.AddSingleton<EmbedTokens>();
        authentication.Services.AddSingleton<EmbedRenderAudit>();
        return authentication.AddScheme<AuthenticationSchemeOptions, EmbedTokenHandler>(EmbedTokenHandler.SchemeName, "Embed token", null);
    }
}
