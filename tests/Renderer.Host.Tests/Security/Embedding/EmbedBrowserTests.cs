using System.Net.Http.Headers;
using Microsoft.Playwright;
using Renderer.Host.Tests.Security.Identity;

namespace Renderer.Host.Tests.Security.Embedding;

/// <summary>
/// Embedding in a real browser (Debian's Chromium through Playwright): a portal page on another loopback origin,
/// registered for the application, embeds a report with an embed token and receives the library's events; the same
/// page served from an origin the application did not register is refused by the frame's <c>frame-ancestors</c>.
/// </summary>
[NonParallelizable]
public sealed class EmbedBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private HostProcess _host = null!;
    private SampleHostPage _registered = null!;
    private SampleHostPage _unregistered = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        SecurityPrerequisite.Require(File.Exists(Chromium), "Chromium is needed for the embedding browser test (.ci/setup-machine installs it)");
        var (registeredPort, otherPort) = (SampleHostPage.FreePort(), SampleHostPage.FreePort());
        _host = new HostProcess(environment: EmbedFixture.Settings($"http://127.0.0.1:{registeredPort}")
            .ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value));
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _host.TokenAsync("admin"));
        var report = await EmbedFixture.PublishAsync(client, EmbedFixture.ReportPath);
        using var plain = _host.Client();
        var appToken = await EmbedFixture.ApplicationTokenAsync(plain, _host.DataFolder);
        var token = await EmbedFixture.TokenAsync(plain, appToken, new
        {
            reports = new[] { report },
            parameters = new Dictionary<string, string[]> { ["Regions"] = ["North"] },
            identity = new { userName = "customer-17" },
        });
        _registered = await SampleHostPage.StartAsync(registeredPort, _host.BaseUrl, report);
        _unregistered = await SampleHostPage.StartAsync(otherPort, _host.BaseUrl, report);
        _registered.Token = _unregistered.Token = token;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_registered is not null) await _registered.DisposeAsync();
        if (_unregistered is not null) await _unregistered.DisposeAsync();
        _host?.Dispose();
    }

    private async Task<IPage> Open(SampleHostPage portal)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        return page;
    }

    [Test]
    public async Task A_page_on_a_registered_origin_embeds_the_report_and_receives_its_events()
    {
        var page = await Open(_registered);
        await page.GotoAsync(_registered.Origin + "/");

        await Assertions.Expect(page.Locator("li[data-event=loaded]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("li[data-event=rendered]")).ToHaveCountAsync(1);
        Assert.That(await page.Locator("li[data-event=error]").CountAsync(), Is.Zero, await page.Locator("#events").InnerTextAsync());
        Assert.That(await page.Locator("li[data-event=pageChanged]").First.TextContentAsync(), Does.Contain("\"page\":1"));
        var shown = page.FrameLocator("iframe").Locator(".page-frame[data-page=\"1\"]");
        await Assertions.Expect(shown).ToContainTextAsync("Total North");
        Assert.That(await shown.InnerTextAsync(), Does.Not.Contain("Total West"), "the token locks Regions=North");
    }

    [Test]
    public async Task The_same_page_on_an_unregistered_origin_is_refused_by_frame_ancestors()
    {
        var page = await Open(_unregistered);
        var refused = await page.RunAndWaitForConsoleMessageAsync(
            () => page.GotoAsync(_unregistered.Origin + "/"),
            new() { Predicate = m => m.Text.Contains("frame-ancestors", StringComparison.Ordinal), Timeout = 60_000 });

        Assert.That(refused.Text, Does.Contain(_registered.Origin).And.Not.Contain(_unregistered.Origin + " "), "the policy lists the registered origin only");
        Assert.That(await page.Locator("li[data-event]").CountAsync(), Is.Zero, "no event: the frame never ran");
        Assert.That(await page.FrameLocator("iframe").Locator("body.embedded").CountAsync(), Is.Zero);
    }
}
