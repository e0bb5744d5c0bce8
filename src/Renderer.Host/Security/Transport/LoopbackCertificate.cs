using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Renderer.Host.Security.Transport;

/// <summary>
/// The self-signed certificate for <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c> that the server uses when no
/// certificate is configured: created on first run in <c>{DataFolder}/tls/localhost.pfx</c> (readable by the owner
/// only), reused afterwards, and replaced a month before it expires.
/// </summary>
public static class LoopbackCertificate
{
    public const string FileName = "localhost.pfx";

    public static string PathIn(string dataFolder) => System.IO.Path.Combine(dataFolder, "tls", FileName);

    public static X509Certificate2 LoadOrCreate(string dataFolder, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var path = PathIn(dataFolder);
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
            if (existing.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(30)) return existing;
            existing.Dispose();
        }
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        var pfx = created.Export(X509ContentType.Pfx);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N");
        using (var stream = OwnerOnlyFile.CreateNew(temporary))
            stream.Write(pfx);
        File.Move(temporary, path, overwrite: true);
        // The certificate alone (no key), for clients such as curl --cacert.
        File.WriteAllText(System.IO.Path.ChangeExtension(path, ".crt"), created.ExportCertificatePem() + "\n");
        return X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
