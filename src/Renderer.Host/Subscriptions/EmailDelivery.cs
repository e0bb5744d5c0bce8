using System.Net.Sockets;
using DataBroker.Credentials;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// Sends a rendered report by e-mail through the configured SMTP server (MailKit): STARTTLS, implicit TLS or none,
/// the password from the credential store by name. The report is attached unless it is larger than the limit, in
/// which case (or when asked) the mail carries a link to the report in the viewer. SMTP 4xx answers and connection
/// failures are transient; 5xx answers and bad addresses are permanent.
/// </summary>
public sealed class EmailDelivery(IOptions<SubscriptionOptions> options, ICredentialStore credentials) : IDeliveryChannel
{
    public string Kind => DeliveryKinds.Email;

    public async Task DeliverAsync(DeliveryContent content, DeliverySettings settings, string recipient, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new PermanentDeliveryException("No SMTP server is configured (Subscriptions:Smtp:Host).");
        var message = Compose(content, settings, recipient, smtp);
        using var client = new SmtpClient();
        try
        {
            var security = smtp.Security switch { "Tls" => SecureSocketOptions.SslOnConnect, "None" => SecureSocketOptions.None, _ => SecureSocketOptions.StartTls };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken).ConfigureAwait(false);
            if (smtp.UserName is { Length: > 0 } user)
            {
                var password = smtp.CredentialName is { } name
                    ? credentials.Find(name)?.Password ?? throw new PermanentDeliveryException($"The credential '{name}' (Subscriptions:Smtp:CredentialName) is not in the credential store.")
                    : string.Empty;
                await client.AuthenticateAsync(user, password, cancellationToken).ConfigureAwait(false);
            }
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            throw new TransientDeliveryException($"The SMTP server answered {(int)e.StatusCode}: {e.Message}", e);
        }
        catch (SmtpCommandException e)
        {
            throw new PermanentDeliveryException($"The SMTP server refused the mail ({(int)e.StatusCode}): {e.Message}", e);
        }
        catch (AuthenticationException e)
        {
            throw new PermanentDeliveryException($"The SMTP server refused the credentials: {e.Message}", e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException)
        {
            throw new TransientDeliveryException($"The SMTP server could not be reached: {e.Message}", e);
        }
    }

    /// <summary>
    /// The Message-ID of a delivery: a hash of its key at the sender's domain, the same every time that delivery is sent.
    /// The one duplicate SMTP allows (the server accepted the mail, the host died before it recorded that; README,
    /// Subscriptions) is then the same message, which mail servers and clients that drop duplicates drop.
    /// </summary>
    internal static string MessageIdOf(string deliveryKey, string senderDomain) =>
        $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deliveryKey)))[..32]}.delivery@{(string.IsNullOrEmpty(senderDomain) ? "renderer.invalid" : senderDomain)}";

    private static MimeMessage Compose(DeliveryContent content, DeliverySettings settings, string recipient, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        try
        {
            message.From.Add(MailboxAddress.Parse(smtp.From));
            foreach (var to in Addresses(recipient)) message.To.Add(MailboxAddress.Parse(to));
            foreach (var cc in settings.Cc) message.Cc.Add(MailboxAddress.Parse(cc));
            foreach (var bcc in settings.Bcc) message.Bcc.Add(MailboxAddress.Parse(bcc));
            if (!string.IsNullOrWhiteSpace(settings.ReplyTo)) message.ReplyTo.Add(MailboxAddress.Parse(settings.ReplyTo));
        }
        catch (ParseException e)
        {
            throw new PermanentDeliveryException($"An e-mail address is not valid: {e.Message}", e);
        }
        if (message.To.Count == 0) throw new PermanentDeliveryException("The mail has no recipient (To).");
        if (content.DeliveryKey is { } key) message.MessageId = MessageIdOf(key, message.From.Mailboxes.First().Domain);
        message.Subject = content.Fill(settings.Subject);
        var attach = settings.IncludeReport && content.Bytes.LongLength <= smtp.MaxAttachmentBytes;
        var text = content.Fill(settings.Body ?? "The report @ReportName was executed at @ExecutionTime.");
        if (settings.IncludeLink || !attach)
        {
            text += $"\n\n{(attach ? "View it online" : "The report is too large to attach; view it online")}: {content.ViewerUrl}";
        }
        var body = new BodyBuilder { TextBody = text };
        if (attach) body.Attachments.Add(content.ReportName + content.Extension, content.Bytes, ContentType.Parse(content.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The addresses of a recipient key: several are separated by ';' or ','.</summary>
    public static IEnumerable<string> Addresses(string recipient) =>
        recipient.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
