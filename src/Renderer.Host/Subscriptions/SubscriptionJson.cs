using System.Text.Json;

namespace Renderer.Host.Subscriptions;

/// <summary>How subscription columns holding JSON (parameters, delivery settings, schedules) are written and read.</summary>
internal static class SubscriptionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string text) => JsonSerializer.Deserialize<T>(text, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}
