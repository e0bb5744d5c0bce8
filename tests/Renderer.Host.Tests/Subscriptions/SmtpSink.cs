using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Renderer.Host.Tests.Subscriptions;

/// <summary>
/// An SMTP server in the test process (the SmtpServer package) that keeps every message it accepts; it can refuse the
/// next <see cref="RefuseNext"/> messages with 421 (service unavailable), as a server that is down for a while.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<MimeMessage> _messages = [];
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    public SmtpSink()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>How many of the next messages are refused with 421.</summary>
    public int RefuseNext { get; set; }

    public int Refused { get; private set; }

    public IReadOnlyList<MimeMessage> Messages { get { lock (_messages) return [.. _messages]; } }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (or the time is up) and returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Messages.Count < count && DateTime.UtcNow < until) await Task.Delay(100);
        return Messages;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _server.Shutdown();
        try { _running.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            lock (sink._messages)
            {
                if (sink.RefuseNext > 0)
                {
                    sink.RefuseNext--;
                    sink.Refused++;
                    return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "try again later");
                }
            }
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (sink._messages) sink._messages.Add(message);
            return SmtpResponse.Ok;
        }
    }
}
