using Microsoft.Extensions.Options;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// Writes a rendered report into a configured share folder (Subscriptions:FileShares:&lt;name&gt;:Path), never elsewhere:
/// the subscription names the share and a plain file name (no folders, no '..'), and the final path must still lie
/// under the share's folder after normalisation. The file is written to a temporary name in the folder and then
/// renamed, so a reader never sees half a report; an existing file is overwritten or the name gets a number.
/// </summary>
public sealed class FileShareDelivery(IOptions<SubscriptionOptions> options) : IDeliveryChannel
{
    public string Kind => DeliveryKinds.FileShare;

    public async Task DeliverAsync(DeliveryContent content, DeliverySettings settings, string recipient, CancellationToken cancellationToken)
    {
        var root = Root(settings.FileShare);
        var name = FileName(recipient, content.Extension);
        if (!Directory.Exists(root)) throw new TransientDeliveryException($"The share folder of '{settings.FileShare}' is not available.");
        var temp = Path.Combine(root, "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, content.Bytes, cancellationToken).ConfigureAwait(false);
            if (settings.Overwrite)
            {
                File.Move(temp, Inside(root, name), overwrite: true);
                return;
            }
            for (var n = 0; n < 10_000; n++)
            {
                var candidate = Inside(root, n == 0 ? name : $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}");
                if (File.Exists(candidate)) continue;
                try
                {
                    File.Move(temp, candidate, overwrite: false);
                    return;
                }
                catch (IOException) when (File.Exists(candidate))
                {
                    // Taken in between: try the next number.
                }
            }
            throw new PermanentDeliveryException($"No free file name for '{name}' in share '{settings.FileShare}'.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TransientDeliveryException($"The report could not be written to share '{settings.FileShare}': {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The full folder of the share called <paramref name="share"/>; permanent failure when it is not configured.</summary>
    public string Root(string? share)
    {
        if (string.IsNullOrWhiteSpace(share) || !options.Value.FileShares.TryGetValue(share, out var configured) || string.IsNullOrWhiteSpace(configured?.Path))
            throw new PermanentDeliveryException($"'{share}' is not a configured file share (Subscriptions:FileShares).");
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured.Path));
    }

    /// <summary>A plain file name from a subscription (its extension added when missing); permanent failure for anything that names a folder.</summary>
    public static string FileName(string? requested, string extension)
    {
        var name = requested?.Trim();
        if (string.IsNullOrEmpty(name) || name.Contains('/') || name.Contains('\\') || name.Contains("..", StringComparison.Ordinal)
            || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.StartsWith('.') || name.Length > 200)
            throw new PermanentDeliveryException($"'{requested}' is not a plain file name (no folders, no '..').");
        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : name + extension;
    }

    private static string Inside(string root, string name)
    {
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new PermanentDeliveryException($"'{name}' would be written outside the share.");
        return full;
    }
}
