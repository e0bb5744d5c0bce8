namespace Renderer.Host.Security.Transport;

/// <summary>
/// Section <c>Security:Transport</c>. The server speaks HTTPS only (TLS 1.2 and 1.3). Without
/// <see cref="CertificatePath"/> it uses a self-signed loopback certificate it creates on first run; Kestrel's own
/// <c>Kestrel:Certificates:Default</c> settings also work.
/// </summary>
public sealed class TransportOptions
{
    public const string SectionName = "Security:Transport";

    /// <summary>A PFX (PKCS#12) or PEM certificate file; relative paths are under the project root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX password, or for PEM the path of the private key file.</summary>
    public string? CertificatePassword { get; set; }

    public string? CertificateKeyPath { get; set; }

    /// <summary>Strict-Transport-Security max-age in days (0 turns the header off). Browsers ignore it on loopback names.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Who may frame the server's pages (CSP <c>frame-ancestors</c>), e.g. <c>https://portal.example.com</c>; default none.</summary>
    public string[] FrameAncestors { get; set; } = [];
}
