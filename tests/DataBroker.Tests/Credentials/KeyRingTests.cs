using System.Security.Cryptography;
using DataBroker.Credentials;

namespace DataBroker.Tests.Credentials;

public class KeyRingTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void Lines_format_takes_the_last_key_as_active_unless_active_is_given()
    {
        using var last = CredentialKeyRing.Parse($"# comment\nk1:{KeyA}\n\nk2:{KeyB}\n", "test");
        using var chosen = CredentialKeyRing.Parse($"k1:{KeyA}\nk2:{KeyB}\nactive=k1\n", "test");

        Assert.That(last.KeyIds, Is.EqualTo(new[] { "k1", "k2" }));
        Assert.That(last.ActiveKeyId, Is.EqualTo("k2"));
        Assert.That(chosen.ActiveKeyId, Is.EqualTo("k1"));
    }

    [Test]
    public void Json_format_is_read_and_written_back_as_json()
    {
        using var ring = CredentialKeyRing.Parse($$"""{ "active": "a", "keys": { "a": "{{KeyA}}", "b": "{{KeyB}}" } }""", "test");

        Assert.That(ring.ActiveKeyId, Is.EqualTo("a"));
        using var again = CredentialKeyRing.Parse(ring.ToText(), "test");
        Assert.That(again.IsJson, Is.True);
        Assert.That(again.KeyIds, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(again.ActiveKeyId, Is.EqualTo("a"));
    }

    [TestCase("k1:not-base64!!", "line 1")]
    [TestCase("k1:AAAA", "256-bit")]
    [TestCase("just-a-line-without-colon", "line 1")]
    [TestCase("bad id:AAAA", "key id")]
    [TestCase("# nothing\n", "no key")]
    [TestCase("{ \"keys\": [] }", "no \"keys\" object")]
    [TestCase("{ \"keys\": ", "not valid JSON")]
    public void Malformed_rings_fail_with_DAT6021(string text, string expected)
    {
        var error = Assert.Throws<CredentialException>(() => CredentialKeyRing.Parse(text, "DataBroker:KeyRing:File"));

        Assert.That(error!.Code, Is.EqualTo("DAT6021"));
        Assert.That(error.Message, Does.Contain(expected).And.Contain("DataBroker:KeyRing:File"));
    }

    [Test]
    public void Duplicate_ids_and_an_unlisted_active_key_fail_without_echoing_key_material()
    {
        var duplicate = Assert.Throws<CredentialException>(() => CredentialKeyRing.Parse($"k1:{KeyA}\nk1:{KeyB}", "test"));
        var unlisted = Assert.Throws<CredentialException>(() => CredentialKeyRing.Parse($"k1:{KeyA}\nactive=k9", "test"));
        var shortKey = Assert.Throws<CredentialException>(() => CredentialKeyRing.Parse($"k1:{KeyA[..20]}", "test"));

        Assert.That(duplicate!.Message, Does.Contain("twice"));
        Assert.That(unlisted!.Message, Does.Contain("'k9'"));
        foreach (var error in new[] { duplicate, unlisted, shortKey! })
        {
            Assert.That(error.Code, Is.EqualTo("DAT6021"));
            Assert.That(error.Message, Does.Not.Contain(KeyA[..20]).And.Not.Contain(KeyB[..20]));
        }
    }

    [Test]
    public void Environment_variable_ring_is_read_when_no_file_is_configured()
    {
        var variable = "RENDERER_KEYRING_TEST_" + Guid.NewGuid().ToString("N");
        var source = new KeyRingSource(new KeyRingOptions { EnvironmentVariable = variable });
        Assert.That(source.TryLoad(), Is.Null, "unset variable: no key ring");
        Environment.SetEnvironmentVariable(variable, $"env1:{KeyA}");
        try
        {
            using var ring = source.Load();
            Assert.That(ring.ActiveKeyId, Is.EqualTo("env1"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public void A_configured_key_file_that_is_missing_is_DAT6020()
    {
        var source = new KeyRingSource(new KeyRingOptions { File = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "keys.txt") });

        var error = Assert.Throws<CredentialException>(() => source.Load());

        Assert.That(error!.Code, Is.EqualTo("DAT6020"));
        Assert.That(error.Message, Does.Contain("DataBroker:KeyRing:File"));
    }
}
