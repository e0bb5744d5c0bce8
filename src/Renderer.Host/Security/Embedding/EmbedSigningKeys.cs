using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Security.Embedding;

/// <summary>
/// The RSA keys that sign embed tokens, kept in the catalog's <c>embed_signing_keys</c> table, each private key
/// protected with ASP.NET Data Protection (whose keys are in the catalog too, so hosts sharing a catalog share them).
/// A key signs for <see cref="EmbeddingOptions.KeyRotation"/>, then a new one takes over; a key keeps validating until
/// the last token it may have signed has expired (rotation + the longest token lifetime + clock skew), so rotation
/// never breaks a token that is still valid. Keys past that are deleted.
/// </summary>
public sealed class EmbedSigningKeys(CatalogDatabase database, IDataProtectionProvider protection, IOptions<EmbeddingOptions> options, TimeProvider? clock = null)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ReloadAtMost = TimeSpan.FromSeconds(10);
    private readonly IDataProtector _protector = protection.CreateProtector("Renderer.Embedding.SigningKey.v1");
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<StoredKey> _keys = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    private sealed record StoredKey(RsaSecurityKey Key, DateTimeOffset CreatedAt);

    private TimeSpan Rotation => options.Value.KeyRotation;

    private TimeSpan ValidFor => Rotation + EmbeddingOptions.MaxTokenLifetime + ClockSkew;

    /// <summary>The key that signs new tokens: the newest one still in its rotation period, or a new one.</summary>
    public async Task<RsaSecurityKey> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        if (Newest(now) is { } key) return key;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAsync(now, cancellationToken).ConfigureAwait(false);
            return Newest(now) ?? await CreateAsync(now, cancellationToken).ConfigureAwait(false);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Starts a new signing key now (older keys keep validating their tokens).</summary>
    public async Task<RsaSecurityKey> RotateAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _clock.GetUtcNow();
            await LoadAsync(now, cancellationToken).ConfigureAwait(false);
            return await CreateAsync(now, cancellationToken).ConfigureAwait(false);
        }
        finally { _gate.Release(); }
    }

    /// <summary>The key <paramref name="keyId"/> when it still validates tokens; null for an unknown or retired key id.</summary>
    public async Task<SecurityKey?> ValidationKeyAsync(string? keyId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(keyId)) return null;
        var now = _clock.GetUtcNow();
        if (Find(keyId, now) is { } known) return known;
        // Another host may have rotated: read the table again, but not for every request with a made-up key id.
        if (now - _loadedAt < ReloadAtMost) return null;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (now - _loadedAt >= ReloadAtMost) await LoadAsync(now, cancellationToken).ConfigureAwait(false);
            return Find(keyId, now);
        }
        finally { _gate.Release(); }
    }

    private RsaSecurityKey? Newest(DateTimeOffset now) =>
        _keys.Where(k => k.CreatedAt <= now && now - k.CreatedAt < Rotation).OrderByDescending(k => k.CreatedAt).FirstOrDefault()?.Key;

    private RsaSecurityKey? Find(string keyId, DateTimeOffset now) =>
        _keys.FirstOrDefault(k => k.Key.KeyId == keyId && now - k.CreatedAt < ValidFor)?.Key;

    private async Task LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var delete = connection.Command("DELETE FROM embed_signing_keys WHERE created_at < @oldest").With("@oldest", (now - ValidFor).ToUnixMs()))
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<StoredKey>();
        await using var command = connection.Command("SELECT key_id, protected_key, created_at FROM embed_signing_keys");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            keys.Add(new StoredKey(Import(reader.GetString(0), _protector.Unprotect(reader.GetString(1))), DbCommandExtensions.FromUnixMs(reader.GetInt64(2))));
        _keys = keys;
        _loadedAt = now;
    }

    private async Task<RsaSecurityKey> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(2048);
        var keyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var secret = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var insert = connection.Command("INSERT INTO embed_signing_keys (key_id, protected_key, created_at) VALUES (@id, @key, @at)")
            .With("@id", keyId).With("@key", _protector.Protect(secret)).With("@at", now.ToUnixMs()))
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var key = Import(keyId, secret);
        _keys = [.. _keys, new StoredKey(key, now)];
        return key;
    }

    private static RsaSecurityKey Import(string keyId, string pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(pkcs8), out _);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
