using Renderer.Host.Infrastructure;
using Renderer.Host.Cli;
using Renderer.Host.Expressions.Worker;

// The compile worker: report code is compiled in this separate, bounded process (see CompileWorkerPool).
if (CompileWorkerMain.IsWorker(args)) return await CompileWorkerMain.RunAsync();

var mode = CommandLine.Classify(args);
if (mode == HostMode.Help)
{
    Console.Out.WriteLine(CommandLine.Help(args));
    return 0;
}
if (mode == HostMode.UsageError)
{
    Console.Error.WriteLine(CommandLine.UsageError(args));
    return 2;
}
var isCli = mode != HostMode.Server;
// appsettings.json is read from the build output, so the server and CLI work from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isCli ? [] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddRendererHost(mode);

// Disposed at the end: the sandbox launcher then waits for processes still ending after their render (CLI included).
await using var app = builder.Build();
// Commands never start the host, so they run its start-up validation of the settings themselves.
if (isCli && !OptionsCheck.Passes(app.Services, Console.Error)) return 2;
switch (mode)
{
    case HostMode.Credentials: return await CredentialsCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
    case HostMode.Render: return await RenderCommand.RunAsync(app.Services, args, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected);
    case HostMode.Catalog: return await CatalogCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
    case HostMode.Token: return await TokenCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseRendererPipeline();
await app.RunAsync();
return 0;

/// <summary>Lets WebApplicationFactory&lt;Program&gt; reach the entry point from tests.</summary>
public partial class Program;
