using Renderer.Host.Api;
using Renderer.Host.Cli;

var isCli = RenderCommand.IsRender(args);
var builder = WebApplication.CreateBuilder(isCli ? [] : args);
builder.AddRendererHost(isCli);

var app = builder.Build();
if (isCli) return await RenderCommand.RunAsync(app.Services, args, Console.Out, Console.Error);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapReportsApi();
app.MapGet("/", () => Results.Redirect("/api/reports"));
await app.RunAsync();
return 0;

/// <summary>Lets WebApplicationFactory&lt;Program&gt; reach the entry point from tests.</summary>
public partial class Program;
