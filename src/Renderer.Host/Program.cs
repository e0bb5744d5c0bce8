using Renderer.Host.Api;
using Renderer.Host.Cli;
using Renderer.Host.Expressions.Worker;

// The compile worker: report code is compiled in this separate, bounded process (see CompileWorkerPool).
if (CompileWorkerMain.IsWorker(args)) return await CompileWorkerMain.RunAsync();

var isCli = RenderCommand.IsRender(args) || CredentialsCommand.IsCredentials(args);
// appsettings.json is read from the build output, so the server and CLI work from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isCli ? [] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddRendererHost(isCli);

// Disposed at the end: the sandbox launcher then waits for processes still ending after their render (CLI included).
await using var app = builder.Build();
if (CredentialsCommand.IsCredentials(args)) return await CredentialsCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
if (isCli) return await RenderCommand.RunAsync(app.Services, args, Console.Out, Console.Error);

app.Services.GetRequiredService<Renderer.Host.Catalog.ReportCatalog>(); // load and compile the sample reports at start
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapReportsApi();
app.MapGet("/", () => Results.Redirect("/api/reports"));
await app.RunAsync();
return 0;

/// <summary>Lets WebApplicationFactory&lt;Program&gt; reach the entry point from tests.</summary>
public partial class Program;
