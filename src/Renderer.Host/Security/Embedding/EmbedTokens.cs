using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// Signs and validates embed tokens: compact JWS, RS256 only, with the signing key's id in the header, type
/// <c>embed+jwt</c>, issuer the server's public base URL and audience <c>renderer-embed</c>. Validation refuses any
/// other algorithm (<c>none</c> included), an unknown or retired key id, a changed header or payload, and an expired
/// token (one minute of clock skew).
/// </summary>
public sealed class EmbedTokens(EmbedSigningKeys keys, IOptions<PublicUrlOptions> publicUrl, TimeProvider? clock = null)
{
    public const string Audience = "renderer-embed";
    public const string TokenType = "embed+jwt";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private string Issuer => publicUrl.Value.PublicBaseUrl!.TrimEnd('/') + "/";

    /// <summary>A token for <paramref name="grant"/>, valid from <paramref name="notBefore"/> (now when null) until the grant's expiry.</summary>
    public async Task<string> IssueAsync(EmbedGrant grant, DateTimeOffset? notBefore = null, CancellationToken cancellationToken = default)
    {
        var key = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var start = notBefore ?? _clock.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = start.UtcDateTime,
            NotBefore = start.UtcDateTime,
            Expires = grant.Expires.UtcDateTime,
            Claims = grant.ToClaims(),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            TokenType = TokenType,
        });
    }

    /// <summary>The grant of a valid token; null (with the reason) for anything else.</summary>
    public async Task<(EmbedGrant? Grant, string? Failure)> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!_handler.CanReadToken(token)) return (null, "The embed token is not a JWS.");
        JsonWebToken parsed;
        try { parsed = _handler.ReadJsonWebToken(token); }
        catch (ArgumentException) { return (null, "The embed token is not a JWS."); }
        if (parsed.Alg != SecurityAlgorithms.RsaSha256) return (null, "The embed token is not signed with RS256.");
        var key = await keys.ValidationKeyAsync(parsed.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null) return (null, "The embed token's key id is unknown or retired.");
        var result = await _handler.ValidateTokenAsync(parsed, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            ValidTypes = [TokenType],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = EmbedSigningKeys.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, parameters) => ValidLifetime(notBefore, expires),
            NameClaimType = EmbedGrant.Claims.UserName,
        }).ConfigureAwait(false);
        if (!result.IsValid) return (null, result.Exception?.GetType().Name ?? "The embed token is not valid.");
        var expires = new DateTimeOffset(parsed.ValidTo, TimeSpan.Zero);
        return EmbedGrant.FromClaims(result.ClaimsIdentity, expires) is { } grant ? (grant, null) : (null, "The embed token's grant is incomplete.");
    }

    /// <summary>Not before nbf and not after exp (each with the skew), and never longer than the longest lifetime.</summary>
    private bool ValidLifetime(DateTime? notBefore, DateTime? expires)
    {
        if (notBefore is not { } from || expires is not { } to) return false;
        var now = _clock.GetUtcNow().UtcDateTime;
        return now + EmbedSigningKeys.ClockSkew >= from && now - EmbedSigningKeys.ClockSkew < to && to - from <= EmbeddingOptions.MaxTokenLifetime + EmbedSigningKeys.ClockSkew;
    }
}
