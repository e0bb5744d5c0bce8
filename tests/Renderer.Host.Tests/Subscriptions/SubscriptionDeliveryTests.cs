using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Renderer.Host.Subscriptions;
using Renderer.Host.Tests.Catalog;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Subscriptions;

/// <summary>
/// Subscriptions end to end on the real host: the report is rendered as its owner and mailed to an SMTP server in the
/// test process, or written to a configured share; deliveries are recorded once per fire and recipient, retried while
/// the SMTP server refuses, and never sent twice.
/// </summary>
[NonParallelizable]
public sealed partial class SubscriptionDeliveryTests
{
    private SmtpSink _smtp = null!;
    private string _share = null!;
    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _smtp = new SmtpSink();
        _share = Path.Combine(Path.GetTempPath(), "subs-share-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_share);
        _session = new CatalogServerSession("subscriptions", new Dictionary<string, string>
        {
            ["Subscriptions:Smtp:Host"] = "127.0.0.1",
            ["Subscriptions:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Subscriptions:Smtp:Security"] = "None",
            ["Subscriptions:RetryBaseDelayMilliseconds"] = "50",
            ["Subscriptions:FileShares:Reports:Path"] = _share,
        });
        _client = _session.Client;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _session.Dispose();
        _smtp.Dispose();
        Directory.Delete(_share, recursive: true);
    }

    private SubscriptionRunner Runner => _session.Server.Services.GetRequiredService<SubscriptionRunner>();

    private static object Email(string to, int month = 3) => new
    {
        reportPath = "/Samples/RegionOrders",
        parameters = new Dictionary<string, string[]> { ["Region"] = ["North"], ["Year"] = ["2024"], ["Month"] = [month.ToString(CultureInfo.InvariantCulture)] },
        format = "pdf",
        deliveryKind = "email",
        delivery = new { to = new[] { to }, subject = "@ReportName at @ExecutionTime", body = "Your report @ReportName." },
    };

    private async Task<Guid> CreateAsync(object body)
    {
        using var response = await _client.PostAsJsonAsync("/api/v2.0/Subscriptions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement[]> HistoryAsync(Guid id) =>
        [.. JsonDocument.Parse(await _client.GetStringAsync($"/api/v2.0/Subscriptions({id})/History")).RootElement.GetProperty("value").EnumerateArray()];

    private async Task<JsonElement[]> WaitForHistoryAsync(Guid id, Func<JsonElement[], bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        var history = await HistoryAsync(id);
        while (!done(history) && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
            history = await HistoryAsync(id);
        }
        return history;
    }

    private IReadOnlyList<MimeMessage> MailsTo(string address) =>
        _smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    private decimal TotalFromSql(string region, int year, int month)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_session.DataFolder, "sample.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(Amount) FROM sales WHERE Region = $r AND Year = $y AND CAST(strftime('%m', OrderDate) AS INTEGER) = $m";
        command.Parameters.AddWithValue("$r", region);
        command.Parameters.AddWithValue("$y", year);
        command.Parameters.AddWithValue("$m", month);
        return Convert.ToDecimal(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static byte[] Attachment(MimeMessage message, string name)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.FileName == name);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    [Test]
    public async Task Run_now_mails_the_report_as_a_pdf_whose_total_matches_the_database()
    {
        var id = await CreateAsync(Email("alice@example.com"));
        using (var run = await _client.PostAsync($"/api/v2.0/Subscriptions({id})/Run", null))
            Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var history = await WaitForHistoryAsync(id, h => h.Any(d => d.GetProperty("state").GetString() != "pending"));
        Assert.That(history, Has.Length.EqualTo(1));
        Assert.That(history[0].GetProperty("state").GetString(), Is.EqualTo("sent"), history[0].ToString());
        Assert.That(history[0].GetProperty("attempts").GetInt32(), Is.EqualTo(1));
        var mail = MailsTo("alice@example.com").Single();
        Assert.That(mail.Subject, Does.StartWith("RegionOrders at 20"));
        Assert.That(mail.TextBody, Does.Contain("Your report RegionOrders."));
        var text = PdfText(Attachment(mail, "RegionOrders.pdf"));
        var total = TotalFromSql("North", 2024, 3);
        Assert.That(total, Is.GreaterThan(0m));
        Assert.That(text, Does.Contain("Total North"));
        Assert.That(text, Does.Contain(total.ToString("#,0.00", CultureInfo.InvariantCulture)), text);
        var logged = JsonDocument.Parse(await _client.GetStringAsync("/api/v2.0/ExecutionLog?path=/Samples/RegionOrders&$top=1")).RootElement.GetProperty("value")[0];
        Assert.That(logged.GetProperty("requestType").GetString(), Is.EqualTo("Subscription"));
        Assert.That(logged.GetProperty("userName").GetString(), Is.EqualTo("admin"), "rendered as the owner");
    }

    [Test]
    public async Task A_delivery_that_cannot_succeed_fails_at_once_with_its_reason_in_history_and_audit_log()
    {
        var id = await CreateAsync(Email("not an address"));
        var status = await Runner.RunAsync(id, DateTimeOffset.Parse("2026-01-07T08:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.That(status, Is.EqualTo("SUB7503"));
        var delivery = (await HistoryAsync(id)).Single();
        Assert.That(delivery.GetProperty("state").GetString(), Is.EqualTo("failed"));
        Assert.That(delivery.GetProperty("attempts").GetInt32(), Is.EqualTo(1), "a permanent failure is not retried");
        Assert.That(delivery.GetProperty("lastError").GetString(), Does.Contain("address"));
        Assert.That(await _client.GetStringAsync("/api/v2.0/AuditLog?$top=20"), Does.Contain("SUB7503").And.Contain(id.ToString("D")));
    }

    [Test]
    public async Task An_SMTP_server_refusing_twice_then_accepting_gets_the_mail_exactly_once_after_three_attempts()
    {
        var id = await CreateAsync(Email("bob@example.com"));
        _smtp.RefuseNext = 2;
        var status = await Runner.RunAsync(id, DateTimeOffset.Parse("2026-01-05T08:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.That(status, Is.EqualTo("Success"));
        Assert.That(_smtp.Refused, Is.EqualTo(2));
        Assert.That(MailsTo("bob@example.com"), Has.Count.EqualTo(1));
        var delivery = (await HistoryAsync(id)).Single();
        Assert.That(delivery.GetProperty("state").GetString(), Is.EqualTo("sent"));
        Assert.That(delivery.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
        Assert.That(delivery.GetProperty("lastError").GetString(), Does.Contain("421"));
    }

    [Test]
    public async Task Running_the_same_fire_again_sends_nothing_more()
    {
        var id = await CreateAsync(Email("carol@example.com", month: 4));
        var fire = DateTimeOffset.Parse("2026-02-01T06:00:00Z", CultureInfo.InvariantCulture);
        Assert.That(await Runner.RunAsync(id, fire, CancellationToken.None), Is.EqualTo("Success"));
        Assert.That(await Runner.RunAsync(id, fire, CancellationToken.None), Is.EqualTo("Success"));

        Assert.That(MailsTo("carol@example.com"), Has.Count.EqualTo(1));
        Assert.That(await HistoryAsync(id), Has.Length.EqualTo(1));
        Assert.That(await Runner.RunAsync(id, fire.AddDays(1), CancellationToken.None), Is.EqualTo("Success"));
        Assert.That(MailsTo("carol@example.com"), Has.Count.EqualTo(2), "the next fire is a new delivery");
    }

    [Test]
    public async Task A_file_share_delivery_writes_the_report_under_the_share_and_numbers_a_name_that_exists()
    {
        var id = await CreateAsync(new
        {
            reportPath = "/Samples/RegionOrders",
            parameters = new Dictionary<string, string[]> { ["Region"] = ["North"], ["Year"] = ["2024"], ["Month"] = ["3"] },
            deliveryKind = "fileshare",
            delivery = new { fileShare = "Reports", fileName = "North March", overwrite = false },
        });
        Assert.That(await Runner.RunAsync(id, DateTimeOffset.Parse("2026-03-01T00:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None), Is.EqualTo("Success"));
        Assert.That(await Runner.RunAsync(id, DateTimeOffset.Parse("2026-03-02T00:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None), Is.EqualTo("Success"));

        var files = Directory.GetFiles(_share).Select(Path.GetFileName).Order().ToList();
        Assert.That(files, Is.EqualTo(new[] { "North March (1).pdf", "North March.pdf" }), "no temporary file is left behind");
        Assert.That(PdfText(File.ReadAllBytes(Path.Combine(_share, "North March.pdf"))), Does.Contain(TotalFromSql("North", 2024, 3).ToString("#,0.00", CultureInfo.InvariantCulture)));
    }

    [TestCase("../escape")]
    [TestCase("..\\escape")]
    [TestCase("/etc/cron.d/x")]
    [TestCase("sub/folder")]
    public async Task A_file_name_that_would_leave_the_share_is_refused(string fileName)
    {
        using var response = await _client.PostAsJsonAsync("/api/v2.0/Subscriptions", new
        {
            reportPath = "/Samples/RegionOrders",
            deliveryKind = "fileshare",
            delivery = new { fileShare = "Reports", fileName },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("SUB7504"));
        Assert.Throws<PermanentDeliveryException>(() => FileShareDelivery.FileName(fileName, ".pdf"));
    }

    [Test]
    public async Task A_share_that_is_not_configured_is_refused()
    {
        using var response = await _client.PostAsJsonAsync("/api/v2.0/Subscriptions", new
        {
            reportPath = "/Samples/RegionOrders",
            deliveryKind = "fileshare",
            delivery = new { fileShare = "/tmp", fileName = "x" },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_shared_schedule_paused_and_resumed_stops_and_restarts_its_subscriptions()
    {
        using var created = await _client.PostAsJsonAsync("/api/v2.0/Schedules", new { name = "Mornings", schedule = new { kind = "daily", at = "07:00", timeZone = "Europe/Berlin" } });
        var scheduleText = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), scheduleText);
        var scheduleId = JsonDocument.Parse(scheduleText).RootElement.GetProperty("id").GetGuid();
        var body = new Dictionary<string, object>
        {
            ["reportPath"] = "/Samples/RegionOrders",
            ["deliveryKind"] = "email",
            ["delivery"] = new { to = new[] { "dave@example.com" } },
            ["sharedScheduleId"] = scheduleId,
        };
        var id = await CreateAsync(body);
        async Task<JsonElement> NextFire() => JsonDocument.Parse(await _client.GetStringAsync($"/api/v2.0/Subscriptions({id})")).RootElement.GetProperty("nextFire");

        var next = (await NextFire()).GetDateTimeOffset();
        Assert.That(TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).TimeOfDay, Is.EqualTo(TimeSpan.FromHours(7)));
        using (var pause = await _client.PostAsync($"/api/v2.0/Schedules({scheduleId})/Pause", null)) Assert.That(pause.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await NextFire()).ValueKind, Is.EqualTo(JsonValueKind.Null), "paused: no next fire");
        using (var resume = await _client.PostAsync($"/api/v2.0/Schedules({scheduleId})/Resume", null)) Assert.That(resume.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await NextFire()).GetDateTimeOffset(), Is.EqualTo(next));
    }

    [Test]
    public async Task A_data_driven_subscription_mails_each_row_its_own_report()
    {
        var id = await CreateAsync(new
        {
            reportPath = "/Samples/RegionOrders",
            parameters = new Dictionary<string, string[]> { ["Year"] = ["2024"], ["Month"] = ["3"] },
            deliveryKind = "email",
            delivery = new { subject = "Orders" },
            dataDriven = new { dataSource = "SalesDb", commandText = "SELECT DISTINCT lower(Region) || '@regions.example' AS \"To\", Region FROM sales ORDER BY Region" },
        });
        Assert.That(await Runner.RunAsync(id, DateTimeOffset.Parse("2026-04-01T00:00:00Z", CultureInfo.InvariantCulture), CancellationToken.None), Is.EqualTo("Success"));

        var history = await HistoryAsync(id);
        Assert.That(history, Has.Length.GreaterThan(1));
        Assert.That(history.Select(h => h.GetProperty("state").GetString()), Is.All.EqualTo("sent"));
        foreach (var delivery in history)
        {
            var to = delivery.GetProperty("recipient").GetString()!;
            var mail = _smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == to);
            var region = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(to.Split('@')[0]);
            var text = PdfText(Attachment(mail, "RegionOrders.pdf"));
            Assert.That(text, Does.Contain("Total " + region));
            Assert.That(text, Does.Contain(TotalFromSql(region, 2024, 3).ToString("#,0.00", CultureInfo.InvariantCulture)));
        }
    }
}
