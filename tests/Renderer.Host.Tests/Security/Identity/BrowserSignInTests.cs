using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// A real browser (Debian's Chromium, headless, through Playwright) signs in with the authorization code flow at the
/// built-in provider, sees only the folders the user may see, renders a report and signs out.
/// </summary>
[NonParallelizable]
public sealed class BrowserSignInTests
{
    private const string Chromium = "/usr/bin/chromium";
    private HostProcess _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        SecurityPrerequisite.Require(File.Exists(Chromium), "Chromium is needed for the browser sign-in test (.ci/setup-machine installs it)");
        _host = new HostProcess();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"], // Chromium's own sandbox cannot run as root in CI
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _host?.Dispose();
    }

    /// <summary>A browser context that trusts nothing but what the test accepts: the server's self-signed certificate.</summary>
    private Task<IBrowserContext> NewContext() => _browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, AcceptDownloads = true });

    private async Task SignIn(IPage page, string user, string password)
    {
        await page.GotoAsync(_host.BaseUrl + "/browse");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(_host.BaseUrl + "/browse", StringComparison.Ordinal));
    }

    [Test]
    public async Task The_analyst_signs_in_sees_only_Sales_renders_a_report_and_signs_out()
    {
        await using var context = await NewContext();
        var page = await context.NewPageAsync();

        await SignIn(page, "analyst", _host.Password("analyst"));
        Assert.That(await page.Locator("#user").TextContentAsync(), Is.EqualTo("analyst"));
        Assert.That(await page.Locator("#items li").AllTextContentsAsync(), Is.EqualTo(new[] { "Sales" }), "the analyst may see /Sales only, not /Samples");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sales", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("path=%2FSales", StringComparison.Ordinal));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Sales Summary" }).ClickAsync());
        var file = Path.Combine(_host.DataFolder, "download.pdf");
        await download.SaveAsAsync(file);
        using (var pdf = PdfDocument.Open(file))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            Assert.That(text, Does.Contain("Sales"));
            Assert.That(text, Does.Match(@"\d{1,3}(,\d{3})+"), "the PDF shows the sales figures");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/signed-out", StringComparison.Ordinal));
        await page.GotoAsync(_host.BaseUrl + "/browse");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        Assert.That(await page.GetByLabel("Password").IsVisibleAsync(), Is.True, "after sign-out the catalog asks for a sign-in again");
    }

    [Test]
    public async Task A_wrong_password_is_refused_with_a_message_and_audited()
    {
        await using var context = await NewContext();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_host.BaseUrl + "/browse");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.GetByLabel("User name").FillAsync("publisher");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.That(await page.GetByRole(AriaRole.Alert).TextContentAsync(), Is.EqualTo("The user name or password is wrong."));

        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _host.TokenAsync("admin"));
        var audit = await client.GetStringAsync("/api/v2.0/AuditLog?format=csv&user=publisher");
        Assert.That(audit, Does.Contain(",publisher,SignInFailed,"));
    }
}
