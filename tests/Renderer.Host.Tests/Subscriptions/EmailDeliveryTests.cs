using DataBroker.Credentials;
using Microsoft.Extensions.Options;
using Quartz;
using Renderer.Host.Subscriptions;

namespace Renderer.Host.Tests.Subscriptions;

/// <summary>What a mail looks like: addresses, subject and body filled in, the report attached or, when too large, linked.</summary>
[NonParallelizable]
public sealed class EmailDeliveryTests
{
    private sealed class NoCredentials : ICredentialStore
    {
        public DataCredential? Find(string name) => null;
    }

    private static DeliveryContent Content(int size) => new("Sales", "/Sales/Sales", new byte[size], "application/pdf", ".pdf",
        DateTimeOffset.Parse("2026-03-29T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "https://reports.example/viewer?path=%2FSales%2FSales");

    private static EmailDelivery Channel(SmtpSink smtp, long maxAttachment) => new(Options.Create(new SubscriptionOptions
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "reports@example.com", MaxAttachmentBytes = maxAttachment },
    }), new NoCredentials());

    [Test]
    public async Task A_delivery_sent_again_carries_the_same_Message_ID_and_another_delivery_another()
    {
        using var smtp = new SmtpSink();
        var key = DeliveryLedger.KeyOf(Guid.NewGuid(), DateTimeOffset.Parse("2026-03-29T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "a@example.com");
        var other = key.Replace("a@example.com", "b@example.com", StringComparison.Ordinal);
        await Channel(smtp, 1000).DeliverAsync(Content(10) with { DeliveryKey = key }, new DeliverySettings(), "a@example.com", CancellationToken.None);
        await Channel(smtp, 1000).DeliverAsync(Content(10) with { DeliveryKey = key }, new DeliverySettings(), "a@example.com", CancellationToken.None);
        await Channel(smtp, 1000).DeliverAsync(Content(10) with { DeliveryKey = other }, new DeliverySettings(), "b@example.com", CancellationToken.None);

        var ids = smtp.Messages.Select(m => m.MessageId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Count.EqualTo(3));
            Assert.That(ids[1], Is.EqualTo(ids[0]), "the same delivery sent twice is the same message");
            Assert.That(ids[2], Is.Not.EqualTo(ids[0]), "another delivery is another message");
            Assert.That(ids[0], Does.EndWith("@example.com"), "at the sender's domain");
            Assert.That(ids[0], Does.Not.Contain("a@example"), "the key itself (with the address) is not shown");
        });
    }

    [Test]
    public async Task A_mail_carries_its_addresses_the_filled_in_subject_and_the_attached_report()
    {
        using var smtp = new SmtpSink();
        var settings = new DeliverySettings { Cc = ["cc@example.com"], ReplyTo = "boss@example.com", Subject = "@ReportName of @ExecutionTime" };
        await Channel(smtp, 1000).DeliverAsync(Content(100), settings, "a@example.com; b@example.com", CancellationToken.None);

        var mail = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single();
        Assert.That(mail.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "a@example.com", "b@example.com" }));
        Assert.That(mail.Cc.Mailboxes.Single().Address, Is.EqualTo("cc@example.com"));
        Assert.That(mail.ReplyTo.Mailboxes.Single().Address, Is.EqualTo("boss@example.com"));
        Assert.That(mail.Subject, Is.EqualTo("Sales of 2026-03-29 07:00 UTC"));
        Assert.That(mail.Attachments.Single().ContentDisposition!.FileName, Is.EqualTo("Sales.pdf"));
    }

    [Test]
    public async Task A_report_over_the_size_limit_is_sent_as_a_link_to_the_viewer()
    {
        using var smtp = new SmtpSink();
        await Channel(smtp, 1000).DeliverAsync(Content(5000), new DeliverySettings(), "a@example.com", CancellationToken.None);

        var mail = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single();
        Assert.That(mail.Attachments, Is.Empty);
        Assert.That(mail.TextBody, Does.Contain("too large to attach").And.Contain("https://reports.example/viewer?path=%2FSales%2FSales"));
    }

    [Test]
    public void An_SMTP_server_that_is_not_there_is_a_transient_failure_and_a_bad_address_a_permanent_one()
    {
        using var smtp = new SmtpSink();
        var closed = new EmailDelivery(Options.Create(new SubscriptionOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = 1, Security = "None" } }), new NoCredentials());
        Assert.ThrowsAsync<TransientDeliveryException>(() => closed.DeliverAsync(Content(10), new DeliverySettings(), "a@example.com", CancellationToken.None));
        Assert.ThrowsAsync<PermanentDeliveryException>(() => Channel(smtp, 1000).DeliverAsync(Content(10), new DeliverySettings(), "not an address", CancellationToken.None));
    }

    [Test]
    public void Fires_missed_while_no_host_ran_fire_once_at_start()
    {
        var key = new TriggerKey("t", "test");
        var daily = ScheduleTriggers.Build(new ScheduleDefinition { Kind = "daily", At = "09:00" }, key, new JobKey("j"), DateTimeOffset.UtcNow);
        var once = ScheduleTriggers.Build(new ScheduleDefinition { Kind = "once", Start = DateTimeOffset.UtcNow.AddDays(-1) }, key, new JobKey("j"), DateTimeOffset.UtcNow);
        Assert.That(((ICronTrigger)daily).MisfireInstruction, Is.EqualTo(CronTriggerMisfireInstruction.FireAndProceed));
        Assert.That(((ISimpleTrigger)once).MisfireInstruction, Is.EqualTo(SimpleTriggerMisfireInstruction.FireNow));
    }
}
