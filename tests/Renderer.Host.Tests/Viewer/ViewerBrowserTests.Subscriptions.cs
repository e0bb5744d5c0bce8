using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Viewer;

/// <summary>The viewer's subscription pages used as a user would: subscribe from a report, run, pause, edit, delete, read the history.</summary>
public sealed partial class ViewerBrowserTests
{
    private const string SubscriptionsPage = "/viewer/subscriptions";

    private static ILocator Row(IPage page, string description) =>
        page.Locator("#subscriptions tbody tr").Filter(new() { HasText = description });

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private async Task<MimeMessage> MailTo(string address)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !_smtp.Messages.Any(m => m.To.Mailboxes.Any(b => b.Address == address))) await Task.Delay(200);
        return _smtp.Messages.Single(m => m.To.Mailboxes.Any(b => b.Address == address));
    }

    /// <summary>Waits until the open history shows a delivery in <paramref name="state"/> and returns that row.</summary>
    private static async Task<ILocator> HistoryRow(IPage page, string state)
    {
        var row = page.Locator($"#history-table tbody tr[data-state=\"{state}\"]");
        await Assertions.Expect(row.First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        return row.First;
    }

    [Test]
    public async Task A_user_subscribes_from_the_viewer_then_runs_pauses_edits_and_deletes_the_subscription()
    {
        var (context, page) = await SignedIn("analyst", Viewer(TourPath));
        await using var _ = context;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await PageText(page, 1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subscribe to Viewer Tour" })).ToBeFocusedAsync();
        await page.GetByLabel("Description").FillAsync("Tour for Ana");
        await page.GetByLabel("Format").SelectOptionAsync("pdf");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("ana@example.com");
        await page.GetByLabel("Repeats").SelectOptionAsync("daily");
        await page.GetByLabel("At (time of day)").FillAsync("07:00");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        var regions = page.GetByRole(AriaRole.Group, new() { Name = "Regions" });
        await Assertions.Expect(regions.GetByLabel("West")).ToBeCheckedAsync();
        await regions.GetByLabel("West").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("The subscription was created.");
        var row = Row(page, "Tour for Ana");
        await Assertions.Expect(row).ToContainTextAsync("Daily at 07:00 (Europe/Berlin)");
        await Assertions.Expect(row).ToContainTextAsync("E-mail to ana@example.com (pdf)");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("Enabled");
        await Assertions.Expect(row.Locator("td").Nth(7)).Not.ToHaveTextAsync("—");

        await row.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History of Tour for Ana" })).ToBeFocusedAsync();
        var sent = await HistoryRow(page, "sent");
        await Assertions.Expect(sent).ToContainTextAsync("ana@example.com");
        var mail = await MailTo("ana@example.com");
        var attachment = mail.Attachments.OfType<MimePart>().Single();
        using (var stream = new MemoryStream())
        {
            attachment.Content!.DecodeTo(stream);
            var text = PdfText(stream.ToArray());
            Assert.That(text, Does.Contain("Total North"), "rendered with the subscription's parameter values");
            Assert.That(text, Does.Not.Contain("Total West"), "West was unticked in the form");
        }
        await Assertions.Expect(row.Locator("td").Nth(6)).ToContainTextAsync("Success");

        await row.GetByRole(AriaRole.Button, new() { Name = "Pause" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("Paused", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Paused: Tour for Ana.");
        await Assertions.Expect(row.Locator("td").Nth(7)).ToHaveTextAsync("—");
        await row.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("Enabled");

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit subscription to Viewer Tour" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync("ana@example.com");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Berlin");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Regions" }).GetByLabel("West")).Not.ToBeCheckedAsync();
        await page.GetByLabel("File share", new() { Exact = true }).First.CheckAsync();
        await page.GetByLabel("File name").FillAsync("tour-ana");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("The subscription was saved.");
        await Assertions.Expect(row).ToContainTextAsync("File share Reports: tour-ana");

        await row.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history-table tbody tr[data-state=\"sent\"]").Filter(new() { HasText = "tour-ana" })).ToBeVisibleAsync(new() { Timeout = 90_000 });
        Assert.That(PdfText(await File.ReadAllBytesAsync(Path.Combine(_share, "tour-ana.pdf"))), Does.Contain("Total North"));

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(new Regex("^Deleted: Tour for Ana"));
        await Assertions.Expect(Row(page, "Tour for Ana")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task A_failed_delivery_shows_its_error_in_the_history_and_a_content_manager_sees_everyones_subscriptions()
    {
        using (var admin = await AdminClient())
        {
            var schedule = await admin.PostAsJsonAsync("/api/v2.0/Schedules", new { name = "Weekday mornings", schedule = new { kind = "weekly", days = new[] { 1, 2, 3, 4, 5 }, at = "06:30", timeZone = "America/New_York" } });
            Assert.That(schedule.IsSuccessStatusCode, Is.True, await schedule.Content.ReadAsStringAsync());
            var own = await admin.PostAsJsonAsync("/api/v2.0/Subscriptions", new { reportPath = TourPath, description = "Admin only", delivery = new { to = new[] { "ada@example.com" } }, schedule = new { kind = "daily", at = "09:00" } });
            Assert.That(own.IsSuccessStatusCode, Is.True, await own.Content.ReadAsStringAsync());
        }
        var (context, page) = await SignedIn("analyst", $"{SubscriptionsPage}?report={Uri.EscapeDataString(TourPath)}");
        await using var _ = context;

        await page.GetByLabel("Description").FillAsync("Broken address");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("not an address");
        await page.GetByLabel("Repeats").SelectOptionAsync("weekly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A weekly schedule names at least one day." })).ToBeFocusedAsync();

        await page.GetByLabel("Shared schedule", new() { Exact = true }).First.CheckAsync();
        await page.Locator("#sub-shared").SelectOptionAsync(new SelectOptionValue { Label = "Weekday mornings: Weekly on Monday, Tuesday, Wednesday, Thursday, Friday at 06:30 (America/New_York)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        var row = Row(page, "Broken address");
        await Assertions.Expect(row).ToContainTextAsync("Shared: Weekday mornings");
        await Assertions.Expect(Row(page, "Admin only")).ToHaveCountAsync(0, new() { Timeout = 5_000 });

        await row.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        var failed = await HistoryRow(page, "failed");
        await Assertions.Expect(failed.Locator("td").Nth(4)).ToContainTextAsync("address");
        await Assertions.Expect(row.Locator("td").Nth(6)).ToContainTextAsync("SUB7503");

        var (adminContext, adminPage) = await SignedIn("admin", SubscriptionsPage);
        await using var __ = adminContext;
        await Assertions.Expect(Row(adminPage, "Broken address").Locator("td").Nth(2)).ToHaveTextAsync("analyst");
        await Assertions.Expect(Row(adminPage, "Admin only")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task The_browser_session_changes_subscriptions_only_with_the_viewers_header_from_this_site_and_nothing_else()
    {
        var (context, page) = await SignedIn("analyst", SubscriptionsPage);
        await using var _ = context;
        var body = new Dictionary<string, object> { ["reportPath"] = TourPath, ["description"] = "Forged?", ["delivery"] = new { to = new[] { "eve@example.com" } } };
        async Task<int> Post(string url, Dictionary<string, string> headers) =>
            (await page.APIRequest.PostAsync(_host.BaseUrl + url, new() { DataObject = body, Headers = headers })).Status;

        Assert.That(await Post("/api/v2.0/Subscriptions", []), Is.EqualTo(401), "a cookie alone never authorizes a change");
        Assert.That(await Post("/api/v2.0/Subscriptions", new() { ["X-Viewer-Request"] = "1", ["Sec-Fetch-Site"] = "cross-site" }), Is.EqualTo(401), "not from another site");
        Assert.That(await Post("/api/v2.0/Schedules", new() { ["X-Viewer-Request"] = "1", ["Sec-Fetch-Site"] = "same-origin" }), Is.EqualTo(401), "and nothing but subscriptions");
        Assert.That(await Post("/api/v2.0/Subscriptions", new() { ["X-Viewer-Request"] = "1", ["Sec-Fetch-Site"] = "same-origin" }), Is.EqualTo(201), "the viewer's own call");
    }

    [Test]
    public async Task An_axe_core_scan_of_the_subscription_pages_finds_no_serious_or_critical_violation()
    {
        var axe = Path.Combine(EndToEnd.ErrorHandlingTests.ProjectRoot(), ".tools", "npm", "node_modules", "axe-core", "axe.min.js");
        Security.SecurityPrerequisite.Require(File.Exists(axe), "axe-core is needed for the accessibility scan (.ci/setup-machine installs it)");
        using (var admin = await AdminClient())
        {
            var own = await admin.PostAsJsonAsync("/api/v2.0/Subscriptions", new { reportPath = TourPath, description = "Scanned", delivery = new { to = new[] { "scan@example.com" } }, schedule = new { kind = "daily", at = "09:00" } });
            Assert.That(own.IsSuccessStatusCode, Is.True, await own.Content.ReadAsStringAsync());
        }
        var (context, page) = await SignedIn("admin", $"{SubscriptionsPage}?report={Uri.EscapeDataString(TourPath)}", bypassCsp: true);
        await using var _ = context;
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Regions" })).ToBeVisibleAsync();
        Assert.That(await Violations(page, axe), Is.Empty, "the form");

        await page.GotoAsync(_host.BaseUrl + SubscriptionsPage);
        await Row(page, "Scanned").GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history-table tbody tr")).Not.ToHaveCountAsync(0);
        Assert.That(await Violations(page, axe), Is.Empty, "the list with a history open");
    }

    private static async Task<string[]> Violations(IPage page, string axe)
    {
        await page.AddScriptTagAsync(new() { Content = await File.ReadAllTextAsync(axe) });
        var violations = await page.EvaluateAsync<AxeViolation[]>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        return [.. violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes)}")];
    }
}
