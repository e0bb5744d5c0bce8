using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Renderer.Host.Security.Transport;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// The HTTP channel over which the server reads the built-in provider's metadata and keys and redeems codes: real
/// HTTPS to its own public address, trusting exactly the server's own (possibly self-signed) certificate, with
/// name checks left on. Nothing disables certificate validation.
/// </summary>
public sealed class IdentityBackchannel
{
    private readonly Lazy<HttpMessageInvoker> _invoker;

    public IdentityBackchannel(ServerCertificate certificate)
        : this(() => new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, errors) => Trusted(presented, errors, certificate.Certificate) },
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
    {
    }

    /// <summary>A channel over another handler (tests host the server in memory and pass its handler).</summary>
    public IdentityBackchannel(Func<HttpMessageHandler> handler) => _invoker = new(() => new HttpMessageInvoker(handler(), disposeHandler: true));

    /// <summary>A handler for one authentication scheme's options; it creates the real channel on first use.</summary>
    public HttpMessageHandler CreateHandler() => new Forwarder(_invoker);

    public static bool Trusted(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2 own)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(own);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate) && certificate.Thumbprint == own.Thumbprint;
    }

    private sealed class Forwarder(Lazy<HttpMessageInvoker> invoker) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            invoker.Value.SendAsync(request, cancellationToken);
    }
}
