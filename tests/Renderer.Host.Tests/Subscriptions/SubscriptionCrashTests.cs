using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Renderer.Host.Tests.Catalog;
using Renderer.Host.Tests.Security.Identity;

namespace Renderer.Host.Tests.Subscriptions;

/// <summary>
/// Never lose, never duplicate, with real server processes: a host killed (SIGKILL) in the middle of a data-driven run
/// finishes it after a restart without mailing anyone twice; on PostgreSQL two hosts share the schedules and each fire
/// runs on one of them only.
/// </summary>
[NonParallelizable]
public sealed class SubscriptionCrashTests
{
    private static string Recipients(int count, string domain) =>
        $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT 'r' || i || '@{domain}' AS \"To\" FROM n";

    private static Dictionary<string, string> Settings(SmtpSink smtp, IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Subscriptions__Smtp__Host"] = "127.0.0.1",
            ["Subscriptions__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Subscriptions__Smtp__Security"] = "None",
            ["Subscriptions__RetryBaseDelayMilliseconds"] = "100",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }

    private static async Task<HttpClient> AdminAsync(HostProcess host)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync("admin"));
        return client;
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v2.0/Subscriptions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static object DataDriven(int count, string domain) => new
    {
        reportPath = "/Samples/RegionOrders",
        deliveryKind = "email",
        delivery = new { subject = "Orders" },
        dataDriven = new { dataSource = "SalesDb", commandText = Recipients(count, domain) },
    };

    private static int MailsTo(SmtpSink smtp, string domain) => smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Domain == domain));

    private static async Task WaitForMailsAsync(SmtpSink smtp, string domain, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (MailsTo(smtp, domain) < count && DateTime.UtcNow < until) await Task.Delay(200);
    }

    /// <summary>
    /// Every recipient got the report, and nobody twice, except for the window SMTP leaves (README, Subscriptions): the
    /// one mail in flight when the host was killed, which the server may have accepted before the host recorded it. Sends
    /// are sequential, so that is at most one recipient, once more, with the same Message-ID.
    /// </summary>
    private static void AssertEachRecipientOnce(SmtpSink smtp, string domain, int count)
    {
        var mails = smtp.Messages.SelectMany(m => m.To.Mailboxes.Where(b => b.Domain == domain).Select(b => (b.Address, m.MessageId))).ToList();
        var twice = mails.GroupBy(m => m.Address).Where(g => g.Count() > 1).ToList();
        Assert.That(mails.Select(m => m.Address).Distinct().Count(), Is.EqualTo(count), "every recipient got the report");
        Assert.That(twice.Count, Is.LessThanOrEqualTo(1), "nobody got it twice but the one in flight at the kill: " + string.Join(", ", twice.Select(g => g.Key)));
        foreach (var again in twice)
        {
            Assert.That(again.Count(), Is.EqualTo(2), $"{again.Key} got it {again.Count()} times");
            Assert.That(again.Select(m => m.MessageId).Distinct().Count(), Is.EqualTo(1), $"{again.Key}'s two copies are the same message (one Message-ID)");
        }
    }

    [Test]
    public async Task A_host_killed_in_the_middle_of_a_data_driven_run_to_50_recipients_finishes_it_after_a_restart_sending_at_most_the_mail_in_flight_again()
    {
        using var smtp = new SmtpSink();
        var folder = Path.Combine(Path.GetTempPath(), "subs-kill-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Guid id;
            using (var first = new HostProcess(folder, Settings(smtp)))
            {
                using var client = await AdminAsync(first);
                id = await CreateAsync(client, DataDriven(50, "kill.example"));
                using (var run = await client.PostAsync($"/api/v2.0/Subscriptions({id})/Run", null)) Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
                await WaitForMailsAsync(smtp, "kill.example", 8, TimeSpan.FromMinutes(3));
                Assert.That(MailsTo(smtp, "kill.example"), Is.InRange(8, 49), "the host is killed in the middle of the run");
            } // Dispose kills the process tree (SIGKILL): no shutdown code runs.
            var beforeRestart = MailsTo(smtp, "kill.example");
            TestContext.Out.WriteLine($"{beforeRestart} mails before the kill");

            using var second = new HostProcess(folder, Settings(smtp));
            await WaitForMailsAsync(smtp, "kill.example", 50, TimeSpan.FromMinutes(5));
            await Task.Delay(2000); // anything duplicated would arrive now
            AssertEachRecipientOnce(smtp, "kill.example", 50);
            using var admin = await AdminAsync(second);
            var history = JsonDocument.Parse(await admin.GetStringAsync($"/api/v2.0/Subscriptions({id})/History")).RootElement.GetProperty("value");
            Assert.That(history.EnumerateArray().Count(d => d.GetProperty("state").GetString() == "sent"), Is.EqualTo(50));
            Assert.That(history.EnumerateArray().Select(d => d.GetProperty("fireTime").GetDateTimeOffset()).Distinct().Count(), Is.EqualTo(1), "one fire, resumed");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    [Test]
    public async Task Two_hosts_on_one_PostgreSQL_catalog_run_each_fire_once_and_the_survivor_finishes_a_killed_hosts_run()
    {
        const int recipients = 150;
        var cluster = PostgresCluster.Require();
        var database = cluster.CreateDatabase();
        using var smtp = new SmtpSink();
        var pg = new Dictionary<string, string> { ["Catalog__Provider"] = "postgresql", ["Catalog__ConnectionString"] = database };
        HostProcess? b = null;
        try
        {
            using (var a = new HostProcess(null, Settings(smtp, pg)))
            {
                using var client = await AdminAsync(a);
                // Host A is alone when the data-driven fire starts, so the run is A's.
                var dataDriven = await CreateAsync(client, DataDriven(recipients, "failover.example"));
                using (var run = await client.PostAsync($"/api/v2.0/Subscriptions({dataDriven})/Run", null)) Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
                await WaitForMailsAsync(smtp, "failover.example", 3, TimeSpan.FromMinutes(3));
                b = new HostProcess(null, Settings(smtp, pg));

                // With both hosts up, a schedule every 3 seconds: one mail per fire, whichever host runs it.
                var every3s = await CreateAsync(client, new
                {
                    reportPath = "/Samples/RegionOrders",
                    deliveryKind = "email",
                    delivery = new { to = new[] { "tick@cluster.example" } },
                    schedule = new { kind = "cron", cron = "0/3 * * * * ?" },
                });
                await WaitForMailsAsync(smtp, "cluster.example", 4, TimeSpan.FromMinutes(2));
                using (var pause = await client.PostAsync($"/api/v2.0/Subscriptions({every3s})/Pause", null)) Assert.That(pause.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                await Task.Delay(4000); // a fire in flight lands
                var ticks = JsonDocument.Parse(await client.GetStringAsync($"/api/v2.0/Subscriptions({every3s})/History")).RootElement.GetProperty("value");
                Assert.That(MailsTo(smtp, "cluster.example"), Is.EqualTo(ticks.GetArrayLength()), "one mail per fire");
                Assert.That(ticks.EnumerateArray().Select(d => d.GetProperty("fireTime").GetDateTimeOffset()).Distinct().Count(), Is.EqualTo(ticks.GetArrayLength()));

                var before = MailsTo(smtp, "failover.example");
                TestContext.Out.WriteLine($"{before} of {recipients} data-driven mails before host A is killed");
                if (before >= recipients) Assert.Inconclusive("host A finished the run before it could be killed");
            } // host A is killed (SIGKILL); B takes its fire over once A's cluster check-in lapses
            await WaitForMailsAsync(smtp, "failover.example", recipients, TimeSpan.FromMinutes(5));
            await Task.Delay(2000);
            AssertEachRecipientOnce(smtp, "failover.example", recipients);
        }
        finally
        {
            b?.Dispose();
        }
    }
}
