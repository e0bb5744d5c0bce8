using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;

namespace Renderer.Bench;

/// <summary>
/// Issue 18's row-level security bar: a one-page report through the REST API (HTTPS, bearer token, pool of warm
/// sandboxes) whose dataset is an administrator's shared dataset with a row-level security role (filtered in the
/// broker), against the same report with its own query (and the same filter in its SQL) on an unprotected source over
/// the same database, alternating request by request. Before each request the client waits until the pool is full.
/// Usage: dotnet run -c Release --project bench/Renderer.Bench -- --rls [--requests 40]
/// </summary>
internal static class RlsBench
{
    private const string Query = "SELECT Region, Amount FROM sales WHERE Year = @Year";

    public static async Task RunAsync(string[] args)
    {
        var requests = 40;
        for (int i = 0; i < args.Length; i++) if (args[i] == "--requests") requests = int.Parse(args[++i], CultureInfo.InvariantCulture);
        await using var host = await BenchHost.StartAsync("rls", new Dictionary<string, string?>
        {
            ["Sandbox:PoolSize"] = "2",
            ["DataBroker:DataSources:Open:Provider"] = "sqlite",
            ["DataBroker:DataSources:Open:ConnectionString"] = "Data Source={DataFolder}/sample.db;Mode=ReadOnly",
            ["DataBroker:DataSources:Secure:Provider"] = "sqlite",
            ["DataBroker:DataSources:Secure:ConnectionString"] = "Data Source={DataFolder}/sample.db;Mode=ReadOnly",
            ["DataBroker:DataSources:Secure:RowLevelSecurity"] = "true",
        });
        var (app, http) = (host.App, host.Http);

        await Ok(http.PostAsJsonAsync("/api/v2.0/Folders", new { path = "/Bench" }));
        await Ok(http.PostAsJsonAsync("/api/v2.0/DataSources", new { path = "/Bench/Secure", registeredSource = "Secure" }));
        var dataSet = await Ok(http.PostAsJsonAsync("/api/v2.0/DataSets", new { path = "/Bench/Orders", dataSourcePath = "/Bench/Secure", commandText = Query }));
        await Ok(http.PutAsJsonAsync($"/api/v2.0/DataSets({dataSet.GetProperty("id").GetString()})/Security", new
        {
            roles = new[] { new { name = "North and South", filter = new[] { new { column = "Region", @operator = "in", value = "North, South" } }, members = new[] { "admin" } } },
            hiddenFields = Array.Empty<object>(),
        }));
        var plain = (await Ok(http.PostAsync("/api/v2.0/Reports?path=%2FBench%2FPlain", Rdl("""<Query><DataSourceName>Open</DataSourceName><CommandText>SELECT Region, Amount FROM sales WHERE Year = @Year AND Region IN ('North', 'South')</CommandText><QueryParameters><QueryParameter Name="@Year"><Value>2024</Value></QueryParameter></QueryParameters></Query>""")))).GetProperty("id").GetString();
        var secured = (await Ok(http.PostAsync("/api/v2.0/Reports?path=%2FBench%2FSecured", Rdl("""<SharedDataSet><SharedDataSetReference>/Bench/Orders</SharedDataSetReference><QueryParameters><QueryParameter Name="@Year"><Value>2024</Value></QueryParameter></QueryParameters></SharedDataSet>""")))).GetProperty("id").GetString();

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; Sandbox:PoolSize 2; load average {HttpBench.LoadAverage()}");
        var sandboxes = app.Services.GetRequiredService<Renderer.Host.Sandboxing.SandboxPool>();
        var totals = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            totals.Add(await RenderAsync(http, plain, sandboxes, null));
            totals.Add(await RenderAsync(http, secured, sandboxes, null));
        }
        if (totals.Count != 1) throw new InvalidOperationException("the two reports do not print the same total: " + string.Join(" / ", totals));
        List<double> without = [], with = [];
        for (var i = 0; i < requests; i++)
        {
            await RenderAsync(http, plain, sandboxes, without);
            await RenderAsync(http, secured, sandboxes, with);
        }
        Report("one-page report, own query on an unprotected source (filter in its SQL)", without);
        Report("one-page report, shared dataset with a row-level security role (filter in the broker)", with);
        without.Sort();
        with.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added at p50: {with[with.Count / 2] - without[without.Count / 2]:F1} ms; load {HttpBench.LoadAverage()}"));
    }

    private static StringContent Rdl(string dataSetBody) => new($$"""
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="Open"><DataSourceReference>Open</DataSourceReference></DataSource></DataSources>
          <DataSets><DataSet Name="Orders">{{dataSetBody}}
            <Fields><Field Name="Region"><DataField>Region</DataField></Field><Field Name="Amount"><DataField>Amount</DataField></Field></Fields></DataSet></DataSets>
          <ReportSections><ReportSection>
            <Body><Height>1in</Height><ReportItems>
              <Textbox Name="Total"><Value>="TOTAL " &amp; Format(CDec(Sum(Fields!Amount.Value, "Orders")), "0.00")</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>5in</Width></Textbox>
            </ReportItems></Body>
            <Width>6in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """, Encoding.UTF8, "application/xml");

    /// <summary>Renders one PDF after the pool is full again (a user's think time); records its time; returns the TOTAL text.</summary>
    private static async Task<string> RenderAsync(HttpClient http, string? id, Renderer.Host.Sandboxing.SandboxPool sandboxes, List<double>? times)
    {
        await ViewerBench.IdleAsync(sandboxes, 2);
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/api/v2.0/Reports({id})/Render?format=pdf");
        var body = await response.Content.ReadAsByteArrayAsync();
        times?.Add(sw.Elapsed.TotalMilliseconds);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"render: {response.StatusCode} {Encoding.UTF8.GetString(body)}");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(body);
        return System.Text.RegularExpressions.Regex.Match(pdf.GetPage(1).Text, @"TOTAL \S+").Value;
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static void Report(string what, List<double> times)
    {
        var sorted = times.Order().ToList();
        double P(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}, {times.Count} requests: p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms"));
    }
}
