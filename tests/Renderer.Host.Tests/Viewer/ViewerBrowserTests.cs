using System.Net.Http.Headers;
using Microsoft.Playwright;
using Renderer.Host.Tests.Security;
using Renderer.Host.Tests.Security.Identity;

namespace Renderer.Host.Tests.Viewer;

/// <summary>
/// The browser viewer in a real browser (Debian's Chromium, headless, through Playwright) against the real server
/// process: users sign in at the built-in provider and use the viewer as they would. The report "Viewer Tour"
/// (published to /Sales by the set-up) has cascading parameters, one region per page, a document map, bookmarks and a
/// drillthrough to /Samples/RegionOrders. Subscriptions mail to <see cref="_smtp"/> or write to the share "Reports".
/// </summary>
[NonParallelizable]
public sealed partial class ViewerBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    public const string TourPath = "/Sales/Viewer Tour";
    private HostProcess _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Subscriptions.SmtpSink _smtp = null!;
    private string _share = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        SecurityPrerequisite.Require(File.Exists(Chromium), "Chromium is needed for the viewer tests (.ci/setup-machine installs it)");
        // Subscriptions made in the viewer mail to an SMTP server in this process or write to a share in a temporary folder.
        _smtp = new Subscriptions.SmtpSink();
        _share = Path.Combine(Path.GetTempPath(), "viewer-share-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_share);
        _host = new HostProcess(environment: new Dictionary<string, string>
        {
            ["Subscriptions__Smtp__Host"] = "127.0.0.1",
            ["Subscriptions__Smtp__Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Subscriptions__Smtp__Security"] = "None",
            ["Subscriptions__RetryBaseDelayMilliseconds"] = "50",
            ["Subscriptions__FileShares__Reports__Path"] = _share,
        });
        using (var admin = await AdminClient())
        {
            var rdl = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Viewer", "ViewerTour.rdl"));
            var published = await admin.PostAsync($"/api/v2.0/Reports?path={Uri.EscapeDataString(TourPath)}", new ByteArrayContent(rdl));
            Assert.That(published.IsSuccessStatusCode, Is.True, await published.Content.ReadAsStringAsync());
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _host?.Dispose();
        _smtp?.Dispose();
        if (_share is not null && Directory.Exists(_share)) Directory.Delete(_share, recursive: true);
    }

    private async Task<HttpClient> AdminClient()
    {
        var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _host.TokenAsync("admin"));
        return client;
    }

    /// <summary>A signed-in browser page (<paramref name="bypassCsp"/>: only for injecting the accessibility checker) of <paramref name="user"/> at <paramref name="address"/> (relative to the server).</summary>
    private async Task<(IBrowserContext Context, IPage Page)> SignedIn(string user, string address, ViewportSize? viewport = null, bool bypassCsp = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, AcceptDownloads = true, ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 }, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(_host.BaseUrl + address);
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(_host.Password(user));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(_host.BaseUrl + "/viewer", StringComparison.Ordinal) || url.StartsWith(_host.BaseUrl + "/ReportServer", StringComparison.Ordinal));
        return (context, page);
    }

    private static string Viewer(string path, string query = "") => $"/viewer?path={Uri.EscapeDataString(path)}{query}";

    /// <summary>Waits until the viewer shows page <paramref name="number"/> and returns its text.</summary>
    private static async Task<string> PageText(IPage page, int number)
    {
        var frame = page.Locator($".page-frame[data-page=\"{number}\"]");
        try
        {
            await frame.WaitForAsync(new() { Timeout = 45_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Page {number} did not appear at {page.Url}; status: '{await page.Locator("#status").TextContentAsync()}', errors: '{await page.Locator("#errors").TextContentAsync()}'");
        }
        return await frame.InnerTextAsync();
    }

    /// <summary>Waits until the page count is final ("of N" without a question mark) and returns N.</summary>
    private static async Task<int> FinalPageCount(IPage page)
    {
        var count = page.Locator("#page-count");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^of \d+$"), new() { Timeout = 60_000 });
        return int.Parse((await count.TextContentAsync())!["of ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
