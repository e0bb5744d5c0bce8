using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Renderer.Contracts.Formats;

namespace Renderer.Host.Api;

/// <summary>
/// Documents a render endpoint's <c>format</c> query parameter in the OpenAPI description: a string whose enum and
/// default come from <see cref="OutputFormats"/>, the one list of formats (the handler reads it from the query string,
/// so the generator would not see it).
/// </summary>
public static class OutputFormatOpenApi
{
    public const string ParameterName = "format";

    public static RouteHandlerBuilder WithOutputFormatParameter(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ParameterName,
                In = ParameterLocation.Query,
                Required = false,
                Description = "Output format: " + string.Join(", ", OutputFormats.All.Select(f => $"{f.Name} ({f.MimeType})")) + ".",
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. OutputFormats.Names.Select(n => (JsonNode)JsonValue.Create(n))],
                    Default = JsonValue.Create(OutputFormats.Default.Name),
                },
            });
            return Task.CompletedTask;
        });
}
