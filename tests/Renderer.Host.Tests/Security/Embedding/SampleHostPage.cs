using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Renderer.Host.Tests.Security.Embedding;

/// <summary>
/// An ISV's page on its own loopback origin (a tiny Kestrel app, plain http as a development portal would be): it
/// loads the embedding library from the report server and embeds one report with the token it was given, listing
/// each event it receives as <c>&lt;li data-event="..."&gt;</c>.
/// </summary>
internal sealed class SampleHostPage : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleHostPage(WebApplication app, int port) => (_app, Origin) = (app, $"http://127.0.0.1:{port}");

    public string Origin { get; }

    public string? Token { get; set; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SampleHostPage> StartAsync(int port, string server, Guid report)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var page = new SampleHostPage(app, port);
        app.MapGet("/", () => Results.Content(page.Html(server, report), "text/html; charset=utf-8"));
        await app.StartAsync();
        return page;
    }

    private string Html(string server, Guid report) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Customer portal</title></head>
        <body>
        <h1>Customer portal</h1>
        <div id="report" style="width:1000px;height:700px"></div>
        <ul id="events"></ul>
        <script src="{{server}}/embed/embed.js"></script>
        <script>
          const report = embed(document.getElementById("report"), { reportId: "{{report:D}}", token: "{{Token}}", parameters: {} });
          for (const name of ["loaded", "rendered", "error", "pageChanged", "tokenExpiring"]) {
            report.on(name, (detail) => {
              const item = document.createElement("li");
              item.dataset.event = name;
              item.textContent = name + " " + JSON.stringify(detail);
              document.getElementById("events").append(item);
            });
          }
          window.portalReport = report;
        </script>
        </body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
